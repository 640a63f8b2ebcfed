using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.PageStores;
using static ClusterRamDisk.Grains.Interfaces.DiskGeometry;

namespace ClusterRamDisk.Tests.PageStores;

/// <summary>What every allocator must honour, checked against a plain byte array as the model.</summary>
public sealed class PageStoreContractTests
{
    private const int UnalignedCapacity = 100_000;

    public static TheoryData<AllocatorKind> Allocators => [AllocatorKind.Sparse, AllocatorKind.Malloc, AllocatorKind.Zstd];

    public static TheoryData<AllocatorKind> SparseAllocators => [AllocatorKind.Sparse, AllocatorKind.Zstd];

    [Theory]
    [MemberData(nameof(Allocators))]
    public void FreshStoreReadsZeroes(AllocatorKind kind)
    {
        using var store = PageStoreFactory.Create(kind, mlock: false, UnalignedCapacity);
        var buffer = new byte[UnalignedCapacity];
        Array.Fill(buffer, (byte)0xAA);

        store.Read(0, buffer);

        Assert.Equal(UnalignedCapacity, store.Capacity);
        Assert.DoesNotContain(buffer, b => b != 0);
        Assert.Equal([new Extent(0, UnalignedCapacity, AbsentFlags(kind))], Extents(store, 0, UnalignedCapacity));
    }

    [Theory]
    [MemberData(nameof(Allocators))]
    public void ReadAfterWriteAtUnalignedOffsetsCrossingPages(AllocatorKind kind)
    {
        using var store = PageStoreFactory.Create(kind, mlock: false, 4 * PageSize);
        var model = new byte[4 * PageSize];
        var data = PageData.Random(new Random(1), PageSize + 300);

        Write(store, model, PageSize - 100, data);

        var read = new byte[2 * PageSize + 17];
        store.Read(PageSize - 211, read);
        Assert.Equal(model.AsSpan(PageSize - 211, read.Length).ToArray(), read);
        AssertMatchesModel(kind, store, model);
    }

    [Theory]
    [MemberData(nameof(Allocators))]
    public void ZeroClearsPartialAndWholePages(AllocatorKind kind)
    {
        using var store = PageStoreFactory.Create(kind, mlock: false, 4 * PageSize);
        var model = new byte[4 * PageSize];
        Write(store, model, 0, PageData.Random(new Random(2), 4 * PageSize));

        Zero(store, model, 1000, 2000);
        Zero(store, model, PageSize, PageSize);
        Zero(store, model, 3 * PageSize - 10, 20);

        AssertMatchesModel(kind, store, model);
        Assert.Equal(
            [new Extent(0, PageSize, ExtentFlags.Data), new Extent(PageSize, PageSize, AbsentFlags(kind)), new Extent(2 * PageSize, 2 * PageSize, ExtentFlags.Data)],
            Extents(store, 0, 4 * PageSize));
    }

    [Theory]
    [MemberData(nameof(Allocators))]
    public void ExtentsMergeAdjacentRunsAndCoverExactlyTheRange(AllocatorKind kind)
    {
        using var store = PageStoreFactory.Create(kind, mlock: false, 5 * PageSize);
        store.Write(PageSize + 5, PageData.Random(new Random(3), 2 * PageSize - 10));

        Assert.Equal(
            [new Extent(0, PageSize, AbsentFlags(kind)), new Extent(PageSize, 2 * PageSize, ExtentFlags.Data), new Extent(3 * PageSize, 2 * PageSize, AbsentFlags(kind))],
            Extents(store, 0, 5 * PageSize));
        Assert.Equal(
            [new Extent(100, PageSize - 100, AbsentFlags(kind)), new Extent(PageSize, PageSize + 7, ExtentFlags.Data)],
            Extents(store, 100, 2 * PageSize - 93));
        Assert.Empty(Extents(store, 7, 0));
    }

    [Theory]
    [MemberData(nameof(Allocators))]
    public void ExtentsDoNotMergeIntoRunsAlreadyInTheList(AllocatorKind kind)
    {
        using var store = PageStoreFactory.Create(kind, mlock: false, PageSize);
        var earlier = new Extent(-PageSize, PageSize, AbsentFlags(kind));
        var extents = new List<Extent> { earlier };

        store.GetExtents(0, PageSize, extents);

        Assert.Equal([earlier, new Extent(0, PageSize, AbsentFlags(kind))], extents);
    }

    [Theory]
    [MemberData(nameof(Allocators))]
    public void StoreWithUnalignedCapacityHoldsItsLastBytes(AllocatorKind kind)
    {
        using var store = PageStoreFactory.Create(kind, mlock: false, UnalignedCapacity);
        var model = new byte[UnalignedCapacity];
        var lastPageStart = UnalignedCapacity / PageSize * PageSize;

        Write(store, model, UnalignedCapacity - 10, PageData.Random(new Random(4), 10));
        Write(store, model, lastPageStart - 3, PageData.Random(new Random(5), 6));

        AssertMatchesModel(kind, store, model);
        Assert.Equal(
            [new Extent(0, 2 * PageSize, AbsentFlags(kind)), new Extent(2 * PageSize, UnalignedCapacity - 2 * PageSize, ExtentFlags.Data)],
            Extents(store, 0, UnalignedCapacity));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Write(UnalignedCapacity - 1, new byte[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Read(UnalignedCapacity, new byte[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Zero(-1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.GetExtents(0, UnalignedCapacity + 1, []));
    }

    [Theory]
    [MemberData(nameof(SparseAllocators))]
    public void SparseUsageCountsOnlyNonZeroPages(AllocatorKind kind)
    {
        using var store = PageStoreFactory.Create(kind, mlock: false, UnalignedCapacity);

        store.Write(0, new byte[UnalignedCapacity]);
        Assert.Equal(default, store.Usage);

        store.Write(PageSize - 1, new byte[] { 1, 2 });
        store.Write(UnalignedCapacity - 1, new byte[] { 3 });
        Assert.Equal(3, store.Usage.AllocatedPages);
        Assert.Equal(2 * PageSize + (UnalignedCapacity - 3 * PageSize), store.Usage.LogicalBytes);
        Assert.InRange(store.Usage.StoredBytes, 1, store.Usage.LogicalBytes);

        store.Write(PageSize + 1, new byte[1]);
        Assert.Equal(3, store.Usage.AllocatedPages);
        store.Write(PageSize, new byte[1]);
        Assert.Equal(2, store.Usage.AllocatedPages);
        store.Zero(0, UnalignedCapacity);
        Assert.Equal(default, store.Usage);
    }

    [Theory]
    [MemberData(nameof(Allocators))]
    public void MaxGrowthIsTheRoomPagesCanStillTakeAndNothingOnceTheyHoldRandomData(AllocatorKind kind)
    {
        using var store = PageStoreFactory.Create(kind, mlock: false, UnalignedCapacity);
        Assert.Equal(kind == AllocatorKind.Malloc ? 0 : UnalignedCapacity, store.MaxGrowth(0, UnalignedCapacity));
        Assert.Equal(kind == AllocatorKind.Malloc ? 0 : 2 * PageSize, store.MaxGrowth(PageSize - 1, 2));

        store.Write(0, PageData.Random(new Random(7), UnalignedCapacity));

        // Incompressible pages are kept plain, so overwriting stored data never needs more memory.
        Assert.Equal(0, store.MaxGrowth(0, UnalignedCapacity));
    }

    [Fact]
    public void MallocUsageIsTheWholeCapacity()
    {
        using var store = PageStoreFactory.Create(AllocatorKind.Malloc, mlock: false, UnalignedCapacity);

        store.Write(10, new byte[] { 1 });

        Assert.Equal(new DirectoryUsage(UnalignedCapacity, UnalignedCapacity, 4), store.Usage);
    }

    [Theory]
    [MemberData(nameof(Allocators))]
    public void RandomOperationsMatchAByteArrayModel(AllocatorKind kind)
    {
        const int capacity = 3 * PageSize + 1234;
        var random = new Random(20240611);
        using var store = PageStoreFactory.Create(kind, mlock: false, capacity);
        var model = new byte[capacity];
        var buffer = new byte[capacity];

        for (var operation = 0; operation < 3000; operation++)
        {
            var offset = random.Next(capacity);
            var length = random.Next(Math.Min(capacity - offset, 2 * PageSize + 1) + 1);
            switch (random.Next(10))
            {
                case < 4:
                    Write(store, model, offset, PageData.Pattern(random, length));
                    break;
                case < 6:
                    Zero(store, model, offset, length);
                    break;
                case < 9:
                    store.Read(offset, buffer.AsSpan(0, length));
                    Assert.Equal(model.AsSpan(offset, length).ToArray(), buffer.AsSpan(0, length).ToArray());
                    break;
                default:
                    Assert.Equal(ExpectedExtents(kind, model, offset, length), Extents(store, offset, length));
                    break;
            }
        }

        AssertMatchesModel(kind, store, model);
    }

    private static ExtentFlags AbsentFlags(AllocatorKind kind) =>
        kind == AllocatorKind.Malloc ? ExtentFlags.Zero : ExtentFlags.Hole | ExtentFlags.Zero;

    /// <summary>
    /// Writes to store and model alike, checking the write grew the store by no more than it said it could, and
    /// reported exactly the change in stored bytes.
    /// </summary>
    private static void Write(IPageStore store, byte[] model, int offset, byte[] data)
    {
        var headroom = store.MaxGrowth(offset, data.Length);
        var before = store.Usage.StoredBytes;
        var reported = store.Write(offset, data);
        var growth = store.Usage.StoredBytes - before;
        Assert.True(growth <= headroom, $"grew by {growth}, announced at most {headroom}");
        Assert.Equal(growth, reported);
        data.CopyTo(model, offset);
    }

    private static void Zero(IPageStore store, byte[] model, int offset, int length)
    {
        var before = store.Usage.StoredBytes;
        var reported = store.Zero(offset, length);
        Assert.Equal(store.Usage.StoredBytes - before, reported);
        Array.Clear(model, offset, length);
    }

    private static List<Extent> Extents(IPageStore store, int offset, int length)
    {
        var extents = new List<Extent>();
        store.GetExtents(offset, length, extents);
        return extents;
    }

    /// <summary>Contents, extents and (for sparse allocators) usage as the model says they must be.</summary>
    private static void AssertMatchesModel(AllocatorKind kind, IPageStore store, byte[] model)
    {
        var contents = new byte[model.Length];
        store.Read(0, contents);
        Assert.Equal(model, contents);
        Assert.Equal(ExpectedExtents(kind, model, 0, model.Length), Extents(store, 0, model.Length));
        if (kind == AllocatorKind.Malloc)
            return;
        var (pages, bytes) = (0, 0L);
        for (var pageStart = 0; pageStart < model.Length; pageStart += PageSize)
        {
            var page = model.AsSpan(pageStart, Math.Min(PageSize, model.Length - pageStart));
            if (page.ContainsAnyExcept((byte)0))
                (pages, bytes) = (pages + 1, bytes + page.Length);
        }
        Assert.Equal(pages, store.Usage.AllocatedPages);
        Assert.Equal(bytes, store.Usage.LogicalBytes);
    }

    /// <summary>
    /// Sparse allocators keep exactly the pages holding non-zero bytes; malloc scans each page's part of the
    /// range. Either way the flags of a page's part follow from whether the model has non-zero bytes there.
    /// </summary>
    private static List<Extent> ExpectedExtents(AllocatorKind kind, byte[] model, int offset, int length)
    {
        var expected = new List<Extent>();
        for (var position = offset; position < offset + length;)
        {
            var pageStart = position / PageSize * PageSize;
            var end = Math.Min(offset + length, pageStart + PageSize);
            var judged = kind == AllocatorKind.Malloc
                ? model.AsSpan(position, end - position)
                : model.AsSpan(pageStart, Math.Min(PageSize, model.Length - pageStart));
            var flags = judged.ContainsAnyExcept((byte)0) ? ExtentFlags.Data : AbsentFlags(kind);
            if (expected.Count > 0 && expected[^1].Flags == flags)
                expected[^1] = expected[^1] with { Length = expected[^1].Length + end - position };
            else
                expected.Add(new Extent(position, end - position, flags));
            position = end;
        }
        return expected;
    }
}
