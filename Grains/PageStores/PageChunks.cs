namespace ClusterRamDisk.Grains.PageStores;

using static ClusterRamDisk.Grains.Interfaces.DiskGeometry;

/// <summary>The part of one page that a range touches.</summary>
/// <param name="Page">Index of the page in the store.</param>
/// <param name="OffsetInPage">Where the range starts inside the page.</param>
/// <param name="Length">Bytes of the range inside the page.</param>
/// <param name="RangeOffset">Where this part starts inside the range (the caller's buffer).</param>
/// <param name="PageLength">Bytes of the page; only the last page of a store can be shorter than <see cref="PageSize"/>.</param>
internal readonly record struct PageChunk(int Page, int OffsetInPage, int Length, int RangeOffset, int PageLength)
{
    public bool IsWholePage => Length == PageLength;
}

/// <summary>Walks a range of a store page by page, without allocating; the constructor rejects ranges outside the store.</summary>
internal ref struct PageChunks
{
    private readonly int capacity;
    private readonly int end;
    private int position;
    private readonly int start;

    public PageChunks(int capacity, int offset, int length)
    {
        StoreRange.Check(capacity, offset, length);
        this.capacity = capacity;
        start = offset;
        position = offset;
        end = offset + length;
        Current = default;
    }

    public PageChunk Current { get; private set; }

    public readonly PageChunks GetEnumerator() => this;

    public bool MoveNext()
    {
        if (position >= end)
            return false;
        var page = position >> PageShift;
        var pageStart = page << PageShift;
        var offsetInPage = position - pageStart;
        var length = Math.Min(end - position, PageSize - offsetInPage);
        Current = new PageChunk(page, offsetInPage, length, position - start, PageLength(capacity, page));
        position += length;
        return true;
    }

    public static int PageCount(int capacity) => (int)(((long)capacity + PageSize - 1) >> PageShift);

    public static int PageLength(int capacity, int page) => Math.Min(PageSize, capacity - (page << PageShift));
}
