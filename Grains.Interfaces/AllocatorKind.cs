namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>The memory allocators of <c>nbdkit memory</c>.</summary>
public enum AllocatorKind
{
    Sparse,
    Malloc,
    Zstd,
}
