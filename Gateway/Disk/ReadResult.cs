using System.Buffers;

namespace ClusterRamDisk.Gateway.Disk;

/// <summary>
/// One piece of a read, in disk offsets. A hole reads as zeroes and carries no data, so a structured
/// reply can send it as OFFSET_HOLE; other segments carry exactly <see cref="Length"/> bytes.
/// </summary>
public readonly record struct ReadSegment(long Offset, int Length, bool IsHole, ReadOnlyMemory<byte> Data);

/// <summary>A read's segments, in order, covering the requested range without gaps.</summary>
/// <param name="PooledBuffer">
/// An <see cref="ArrayPool{T}.Shared"/> array that segments' data may lie in, so reads allocate nothing per request;
/// whoever sends the data calls <see cref="Release"/> once it is out, and touches the segments no more.
/// </param>
public sealed record ReadResult(IReadOnlyList<ReadSegment> Segments, byte[]? PooledBuffer = null)
{
    public void Release()
    {
        if (PooledBuffer is not null)
            ArrayPool<byte>.Shared.Return(PooledBuffer);
    }
}
