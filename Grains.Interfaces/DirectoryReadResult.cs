namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>
/// A read from one directory: <see cref="Extents"/> cover the requested range in order (offsets relative
/// to the directory); <see cref="Data"/> holds the bytes of every extent that is not a hole, back to back,
/// so that unallocated ranges cost nothing to carry.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DirectoryReadResult([property: Id(0)] Extent[] Extents, [property: Id(1)] ReadOnlyMemory<byte> Data);
