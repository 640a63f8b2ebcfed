using System.Runtime.InteropServices;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>
/// The page table of a sparse store: one native block per present page, nothing for absent ones.
/// Native memory because pages sit just below the LOH threshold and millions of them as byte[] would churn the GC.
/// A block holds the page as the store keeps it: plain bytes (sparse) or compressed (zstd).
/// </summary>
internal sealed unsafe class NativePageTable : IDisposable
{
    private readonly Block[] blocks;
    private long storedBytes;
    private long logicalBytes;
    private int allocatedPages;

    public NativePageTable(int capacity)
    {
        Capacity = capacity;
        blocks = new Block[PageChunks.PageCount(capacity)];
    }

    public int Capacity { get; }

    public DirectoryUsage Usage => new(storedBytes, logicalBytes, allocatedPages);

    public long StoredBytes => storedBytes;

    /// <summary>The bytes kept for a page; empty when the page is absent.</summary>
    public Span<byte> Stored(int page)
    {
        ref var block = ref blocks[page];
        return new Span<byte>(block.Pointer, block.Length);
    }

    /// <summary>Gives a page a block of <paramref name="storedLength"/> bytes, replacing any previous one; its content is undefined.</summary>
    public Span<byte> Allocate(int page, int storedLength)
    {
        ref var block = ref blocks[page];
        if (block.Pointer == null)
        {
            allocatedPages++;
            logicalBytes += PageChunks.PageLength(Capacity, page);
        }
        if (block.Length != storedLength)
            block.Pointer = (byte*)NativeMemory.Realloc(block.Pointer, (nuint)storedLength);
        storedBytes += storedLength - block.Length;
        block.Length = storedLength;
        return new Span<byte>(block.Pointer, storedLength);
    }

    public void Free(int page)
    {
        ref var block = ref blocks[page];
        if (block.Pointer == null)
            return;
        NativeMemory.Free(block.Pointer);
        allocatedPages--;
        logicalBytes -= PageChunks.PageLength(Capacity, page);
        storedBytes -= block.Length;
        block = default;
    }

    /// <summary>What the pages of the range could still grow by: each is kept in at most its plain length.</summary>
    public long Headroom(int offset, int length)
    {
        var headroom = 0L;
        foreach (var chunk in new PageChunks(Capacity, offset, length))
            headroom += chunk.PageLength - blocks[chunk.Page].Length;
        return headroom;
    }

    /// <summary>Present pages are Data; absent ones are holes that read as zeroes.</summary>
    public void AppendExtents(int offset, int length, List<Extent> extents)
    {
        var appender = new ExtentAppender(extents);
        foreach (var chunk in new PageChunks(Capacity, offset, length))
        {
            var flags = blocks[chunk.Page].Pointer == null ? ExtentFlags.Hole | ExtentFlags.Zero : ExtentFlags.Data;
            appender.Append(offset + chunk.RangeOffset, chunk.Length, flags);
        }
    }

    public void Dispose()
    {
        for (var page = 0; page < blocks.Length; page++)
            Free(page);
    }

    private struct Block
    {
        public byte* Pointer;
        public int Length;
    }
}
