namespace ClusterRamDisk.Gateway.Disk;

/// <summary>
/// One piece of a read, in disk offsets. A hole reads as zeroes and carries no data, so a structured
/// reply can send it as OFFSET_HOLE; other segments carry exactly <see cref="Length"/> bytes.
/// </summary>
public readonly record struct ReadSegment(long Offset, int Length, bool IsHole, ReadOnlyMemory<byte> Data);

/// <summary>A read's segments, in order, covering the requested range without gaps.</summary>
public sealed record ReadResult(IReadOnlyList<ReadSegment> Segments);
