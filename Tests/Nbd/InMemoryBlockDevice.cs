using System.Buffers;
using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Tests.Nbd;

/// <summary>
/// A small disk in a byte array for protocol tests, tracking allocation per 4 KiB block so reads have holes and
/// block status has extents. Tests can hold operations back or make them fail.
/// </summary>
internal sealed class InMemoryBlockDevice(long size) : IBlockDevice
{
    public const int BlockSize = 4096;

    private readonly byte[] _data = new byte[size];
    private readonly bool[] _allocated = new bool[(size + BlockSize - 1) / BlockSize];
    private int _flushCount;
    private int _writesStoredNow;

    public long Size => size;

    public int FlushCount => Volatile.Read(ref _flushCount);

    /// <summary>Awaited before every operation with its offset: lets a test hold chosen requests back.</summary>
    public Func<long, Task>? BeforeOperation { get; set; }

    /// <summary>Thrown by every operation while set.</summary>
    public Exception? Failure { get; set; }

    public async ValueTask<ReadResult> ReadAsync(long offset, int length, CancellationToken cancellationToken)
    {
        await EnterAsync(offset);
        var segments = new List<ReadSegment>();
        var position = offset;
        var end = offset + length;
        while (position < end)
        {
            var hole = !_allocated[position / BlockSize];
            var runEnd = position;
            while (runEnd < end && !_allocated[runEnd / BlockSize] == hole)
                runEnd = Math.Min(end, (runEnd / BlockSize + 1) * BlockSize);
            var runLength = (int)(runEnd - position);
            segments.Add(new ReadSegment(position, runLength, hole, hole ? default : _data.AsMemory((int)position, runLength).ToArray()));
            position = runEnd;
        }
        return new ReadResult(segments);
    }

    public int PageSize => BlockSize;

    /// <summary>How many writes <see cref="TryWriteNow"/> stored, straight from the receive buffers.</summary>
    public int WritesStoredNow => Volatile.Read(ref _writesStoredNow);

    public async ValueTask WriteAsync(long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await EnterAsync(offset);
        Store(offset, new ReadOnlySequence<byte>(data));
    }

    /// <summary>Stores at once unless a test holds operations back or makes them fail: those go through <see cref="WriteAsync"/>.</summary>
    public bool TryWriteNow(long offset, in ReadOnlySequence<byte> data)
    {
        if (BeforeOperation is not null || Failure is not null)
            return false;
        Store(offset, data);
        Interlocked.Increment(ref _writesStoredNow);
        return true;
    }

    public async ValueTask ZeroAsync(long offset, long length, CancellationToken cancellationToken)
    {
        await EnterAsync(offset);
        _data.AsSpan((int)offset, (int)length).Clear();
        for (var block = (offset + BlockSize - 1) / BlockSize; (block + 1) * BlockSize <= offset + length; block++)
            _allocated[block] = false;
    }

    public async ValueTask<IReadOnlyList<Extent>> GetExtentsAsync(long offset, long length, CancellationToken cancellationToken)
    {
        await EnterAsync(offset);
        // Whole blocks, so the first and last extents stick out of an unaligned request and the server must clip.
        var extents = new List<Extent>();
        for (var block = offset / BlockSize; block * BlockSize < offset + length; block++)
        {
            var flags = _allocated[block] ? ExtentFlags.Data : ExtentFlags.Hole | ExtentFlags.Zero;
            var blockEnd = Math.Min(size, (block + 1) * BlockSize);
            if (extents.Count > 0 && extents[^1].Flags == flags)
                extents[^1] = extents[^1] with { Length = blockEnd - extents[^1].Offset };
            else
                extents.Add(new Extent(block * BlockSize, blockEnd - block * BlockSize, flags));
        }
        return extents;
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(0);
        Interlocked.Increment(ref _flushCount);
    }

    private void Store(long offset, in ReadOnlySequence<byte> data)
    {
        data.CopyTo(_data.AsSpan((int)offset));
        for (var block = offset / BlockSize; block * BlockSize < offset + data.Length; block++)
            _allocated[block] = true;
    }

    private async Task EnterAsync(long offset)
    {
        if (BeforeOperation is { } hook)
            await hook(offset);
        if (Failure is { } failure)
            throw failure;
    }
}
