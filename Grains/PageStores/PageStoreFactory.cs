using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>Creates the memory of one directory with the allocator the export asks for.</summary>
public static class PageStoreFactory
{
    /// <param name="kind">The allocator, as chosen on nbdkit's command line.</param>
    /// <param name="mlock">Lock the memory into RAM; like nbdkit, only the malloc allocator supports it.</param>
    /// <param name="capacity">Bytes of the directory: up to <see cref="DiskGeometry.DirectorySize"/>, less for the last directory of a disk.</param>
    public static IPageStore Create(AllocatorKind kind, bool mlock, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, DiskGeometry.DirectorySize);
        if (mlock && kind != AllocatorKind.Malloc)
            throw new ArgumentException($"mlock=true needs allocator=malloc, not {kind.ToString().ToLowerInvariant()}", nameof(mlock));
        return kind switch
        {
            AllocatorKind.Sparse => new SparsePageStore(capacity),
            AllocatorKind.Malloc => new MallocPageStore(capacity, mlock),
            AllocatorKind.Zstd => new ZstdPageStore(capacity),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown allocator"),
        };
    }
}
