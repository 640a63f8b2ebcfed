using ClusterRamDisk.Gateway.Disk;

namespace ClusterRamDisk.Tests.Grains;

/// <summary>Test data for a <see cref="GrainBackedDisk"/>: seeded random bytes, and reads back into one array.</summary>
internal static class DiskContent
{
    // No NBD request carries more than 32 MiB; reads of more go in such pieces, as a client's would.
    private const int MaxRequest = 32 << 20;

    public static byte[] Random(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static async Task<byte[]> ReadAsync(GrainBackedDisk disk, long offset, int length)
    {
        var data = new byte[length];
        for (var done = 0; done < length; done += MaxRequest)
        {
            var result = await disk.ReadAsync(offset + done, Math.Min(MaxRequest, length - done), default);
            foreach (var segment in result.Segments)
                if (!segment.IsHole)
                    segment.Data.Span.CopyTo(data.AsSpan((int)(segment.Offset - offset)));
            result.Release();
        }
        return data;
    }
}
