using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>
/// nbdkit's zstd allocator: sparse like <see cref="SparsePageStore"/>, but each present page is kept
/// zstd-compressed, trading CPU for memory on compressible data.
/// </summary>
internal sealed class ZstdPageStore(int capacity) : IPageStore
{
    private readonly NativePageTable pages = new(capacity);

    public int Capacity => pages.Capacity;

    public DirectoryUsage Usage => pages.Usage;

    public long MaxGrowth(int offset, int length) => pages.Headroom(offset, length);

    public void Read(int offset, Span<byte> destination)
    {
        var codec = ZstdPageCodec.Pool.Get();
        try
        {
            foreach (var chunk in new PageChunks(Capacity, offset, destination.Length))
            {
                var target = destination.Slice(chunk.RangeOffset, chunk.Length);
                var stored = pages.Stored(chunk.Page);
                if (stored.IsEmpty)
                {
                    target.Clear();
                }
                else if (stored.Length == chunk.PageLength)
                {
                    stored.Slice(chunk.OffsetInPage, chunk.Length).CopyTo(target);
                }
                else if (chunk.IsWholePage)
                {
                    codec.Load(stored, target);
                }
                else
                {
                    var page = codec.Page(chunk.PageLength);
                    codec.Load(stored, page);
                    page.Slice(chunk.OffsetInPage, chunk.Length).CopyTo(target);
                }
            }
        }
        finally
        {
            ZstdPageCodec.Pool.Return(codec);
        }
    }

    public long Write(int offset, ReadOnlySpan<byte> source)
    {
        var before = pages.StoredBytes;
        var codec = ZstdPageCodec.Pool.Get();
        try
        {
            foreach (var chunk in new PageChunks(Capacity, offset, source.Length))
            {
                var data = source.Slice(chunk.RangeOffset, chunk.Length);
                WriteChunk(codec, chunk, data, dataIsZero: !data.ContainsAnyExcept((byte)0));
            }
        }
        finally
        {
            ZstdPageCodec.Pool.Return(codec);
        }
        return pages.StoredBytes - before;
    }

    public long Zero(int offset, int length)
    {
        var before = pages.StoredBytes;
        var codec = ZstdPageCodec.Pool.Get();
        try
        {
            foreach (var chunk in new PageChunks(Capacity, offset, length))
                WriteChunk(codec, chunk, ZeroPage.Bytes[..chunk.Length], dataIsZero: true);
        }
        finally
        {
            ZstdPageCodec.Pool.Return(codec);
        }
        return pages.StoredBytes - before;
    }

    public void GetExtents(int offset, int length, List<Extent> extents) => pages.AppendExtents(offset, length, extents);

    public void Dispose() => pages.Dispose();

    private void WriteChunk(ZstdPageCodec codec, PageChunk chunk, ReadOnlySpan<byte> data, bool dataIsZero)
    {
        var stored = pages.Stored(chunk.Page);
        if (dataIsZero && (stored.IsEmpty || chunk.IsWholePage))
        {
            pages.Free(chunk.Page);
            return;
        }
        if (chunk.IsWholePage)
        {
            // The old content is entirely replaced, so it need not be decompressed.
            codec.Store(pages, chunk.Page, data);
            return;
        }
        var page = codec.Page(chunk.PageLength);
        codec.Load(stored, page);
        data.CopyTo(page[chunk.OffsetInPage..]);
        // Only zero data can turn a page all-zero, so only then is the whole page worth scanning.
        if (dataIsZero && !page.ContainsAnyExcept((byte)0))
            pages.Free(chunk.Page);
        else
            codec.Store(pages, chunk.Page, page);
    }
}
