using ClusterRamDisk.Grains.Interfaces;
using Microsoft.Extensions.ObjectPool;
using ZstdSharp;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>
/// Compresses and decompresses pages for <see cref="ZstdPageStore"/>. A zstd context costs hundreds of KiB, so
/// codecs are pooled and shared by all stores rather than kept per store (there can be thousands of directories);
/// a store rents one per operation, and stores on different threads compress in parallel with different codecs.
/// </summary>
internal sealed class ZstdPageCodec : IDisposable
{
    // Measured with ZstdSharp 0.8.8 on 32 KiB pages: C headers compress 4.54x at level 1 vs 4.75x at the
    // default level 3 while compressing ~1.3x faster, random pages ~1.2x faster; negative levels are faster
    // still but compress text only 3.5-3.9x, which defeats the point of this allocator.
    private const int CompressionLevel = 1;

    /// <summary>Keeps a few codecs (twice the processor count); extra ones are disposed when returned.</summary>
    public static readonly ObjectPool<ZstdPageCodec> Pool = new DefaultObjectPoolProvider().Create<ZstdPageCodec>();

    private readonly Compressor compressor = new(CompressionLevel);
    private readonly Decompressor decompressor = new();
    private readonly byte[] page = new byte[DiskGeometry.PageSize];
    private readonly byte[] compressed = new byte[DiskGeometry.PageSize];

    /// <summary>Scratch room for one page being modified.</summary>
    public Span<byte> Page(int length) => page.AsSpan(0, length);

    /// <summary>
    /// Stores a page in the table compressed, or as plain bytes when compression would not make it smaller
    /// (random data), so a page never takes more than its own size; a stored length equal to the page length marks it plain.
    /// </summary>
    public void Store(NativePageTable table, int pageIndex, ReadOnlySpan<byte> bytes)
    {
        if (compressor.TryWrap(bytes, compressed.AsSpan(0, bytes.Length - 1), out var written))
            compressed.AsSpan(0, written).CopyTo(table.Allocate(pageIndex, written));
        else
            bytes.CopyTo(table.Allocate(pageIndex, bytes.Length));
    }

    /// <summary>Rebuilds a whole page from what the table stores for it (nothing means zeroes).</summary>
    public void Load(ReadOnlySpan<byte> stored, Span<byte> destination)
    {
        if (stored.IsEmpty)
            destination.Clear();
        else if (stored.Length == destination.Length)
            stored.CopyTo(destination);
        else
            decompressor.Unwrap(stored, destination);
    }

    public void Dispose()
    {
        compressor.Dispose();
        decompressor.Dispose();
    }
}
