namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>Memory one directory holds: <see cref="StoredBytes"/> as kept (compressed for zstd), <see cref="LogicalBytes"/> before compression.</summary>
[GenerateSerializer, Immutable]
public readonly record struct DirectoryUsage([property: Id(0)] long StoredBytes, [property: Id(1)] long LogicalBytes, [property: Id(2)] int AllocatedPages);
