using System.Runtime.InteropServices;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>
/// nbdkit's malloc allocator: the whole directory in one block, zeroed at creation as nbdkit's memset does, so its
/// memory is really taken at start-up rather than page by page at first touch (which made a first fill run at half the
/// speed of an overwrite); optionally locked into RAM. Nothing is sparse: zeroing clears bytes and usage is always the capacity.
/// </summary>
internal sealed unsafe class MallocPageStore : IPageStore
{
    private readonly bool locked;
    private byte* memory;

    public MallocPageStore(int capacity, bool mlock)
    {
        Capacity = capacity;
        memory = (byte*)NativeMemory.Alloc((nuint)capacity);
        new Span<byte>(memory, capacity).Clear();
        if (!mlock)
            return;
        try
        {
            MemoryLock.Lock(memory, capacity);
        }
        catch
        {
            NativeMemory.Free(memory);
            throw;
        }
        locked = true;
    }

    public int Capacity { get; }

    public DirectoryUsage Usage => new(Capacity, Capacity, PageChunks.PageCount(Capacity));

    /// <summary>All of the memory was claimed at creation: writes never add any.</summary>
    public long MaxGrowth(int offset, int length) => 0;

    public void Read(int offset, Span<byte> destination) => Range(offset, destination.Length).CopyTo(destination);

    public long Write(int offset, ReadOnlySpan<byte> source)
    {
        source.CopyTo(Range(offset, source.Length));
        return 0;
    }

    public long Zero(int offset, int length)
    {
        Range(offset, length).Clear();
        return 0;
    }

    /// <summary>No allocation state to report, so each page's part of the range is scanned: all-zero is Zero, anything else Data.</summary>
    public void GetExtents(int offset, int length, List<Extent> extents)
    {
        var appender = new ExtentAppender(extents);
        foreach (var chunk in new PageChunks(Capacity, offset, length))
        {
            var bytes = new ReadOnlySpan<byte>(memory + offset + chunk.RangeOffset, chunk.Length);
            appender.Append(offset + chunk.RangeOffset, chunk.Length, bytes.ContainsAnyExcept((byte)0) ? ExtentFlags.Data : ExtentFlags.Zero);
        }
    }

    public void Dispose()
    {
        if (memory == null)
            return;
        if (locked)
            MemoryLock.Unlock(memory, Capacity);
        NativeMemory.Free(memory);
        memory = null;
    }

    private Span<byte> Range(int offset, int length)
    {
        StoreRange.Check(Capacity, offset, length);
        return new Span<byte>(memory + offset, length);
    }
}
