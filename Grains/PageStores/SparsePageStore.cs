using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>
/// nbdkit's sparse allocator: a page exists only while it holds non-zero data, so untouched and zeroed
/// ranges cost no memory and report as holes.
/// </summary>
internal sealed class SparsePageStore(int capacity) : IPageStore
{
    private readonly NativePageTable pages = new(capacity);

    public int Capacity => pages.Capacity;

    public DirectoryUsage Usage => pages.Usage;

    public long MaxGrowth(int offset, int length) => pages.Headroom(offset, length);

    public void Read(int offset, Span<byte> destination)
    {
        foreach (var chunk in new PageChunks(Capacity, offset, destination.Length))
        {
            var target = destination.Slice(chunk.RangeOffset, chunk.Length);
            var page = pages.Stored(chunk.Page);
            if (page.IsEmpty)
                target.Clear();
            else
                page.Slice(chunk.OffsetInPage, chunk.Length).CopyTo(target);
        }
    }

    public long Write(int offset, ReadOnlySpan<byte> source)
    {
        var before = pages.StoredBytes;
        foreach (var chunk in new PageChunks(Capacity, offset, source.Length))
        {
            var data = source.Slice(chunk.RangeOffset, chunk.Length);
            WriteChunk(chunk, data, dataIsZero: !data.ContainsAnyExcept((byte)0));
        }
        return pages.StoredBytes - before;
    }

    public long Zero(int offset, int length)
    {
        var before = pages.StoredBytes;
        foreach (var chunk in new PageChunks(Capacity, offset, length))
            WriteChunk(chunk, ZeroPage.Bytes[..chunk.Length], dataIsZero: true);
        return pages.StoredBytes - before;
    }

    public void GetExtents(int offset, int length, List<Extent> extents) => pages.AppendExtents(offset, length, extents);

    public void Dispose() => pages.Dispose();

    private void WriteChunk(PageChunk chunk, ReadOnlySpan<byte> data, bool dataIsZero)
    {
        var page = pages.Stored(chunk.Page);
        if (dataIsZero && (page.IsEmpty || chunk.IsWholePage))
        {
            pages.Free(chunk.Page);
            return;
        }
        if (page.IsEmpty)
        {
            page = pages.Allocate(chunk.Page, chunk.PageLength);
            page[..chunk.OffsetInPage].Clear();
            page[(chunk.OffsetInPage + chunk.Length)..].Clear();
        }
        data.CopyTo(page[chunk.OffsetInPage..]);
        // Only zero data can turn a page all-zero, so only then is the whole page worth scanning.
        if (dataIsZero && !page.ContainsAnyExcept((byte)0))
            pages.Free(chunk.Page);
    }
}
