using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>One page of zeroes, so zeroing a range can reuse the write path of a store.</summary>
internal static class ZeroPage
{
    private static readonly byte[] Page = new byte[DiskGeometry.PageSize];

    public static ReadOnlySpan<byte> Bytes => Page;
}
