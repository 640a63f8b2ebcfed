using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.PageStores;

namespace ClusterRamDisk.Tests.PageStores;

public sealed class MallocMemoryLockTests
{
    [Fact]
    public void LockedStoreReadsBackWhatWasWritten()
    {
        using var store = PageStoreFactory.Create(AllocatorKind.Malloc, mlock: true, DiskGeometry.PageSize);
        var data = PageData.Random(new Random(10), 1000);

        store.Write(123, data);

        var read = new byte[data.Length];
        store.Read(123, read);
        Assert.Equal(data, read);
    }

    [Fact]
    public void LockingBeyondTheLimitFailsWithOneActionableLine()
    {
        var failure = UnprivilegedMemoryLock.Run(DiskGeometry.DirectorySize / 2,
            () => PageStoreFactory.Create(AllocatorKind.Malloc, mlock: true, DiskGeometry.DirectorySize).Dispose());

        var exception = Assert.IsType<InvalidOperationException>(failure);
        Assert.Equal("mlock of 128 MiB failed (ENOMEM): raise the locked-memory limit (ulimit -l) or run without mlock=true", exception.Message);
    }

    [Fact]
    public void OnlyTheMallocAllocatorCanLock()
    {
        var exception = Assert.Throws<ArgumentException>(() => PageStoreFactory.Create(AllocatorKind.Sparse, mlock: true, DiskGeometry.PageSize));

        Assert.StartsWith("mlock=true needs allocator=malloc, not sparse", exception.Message);
    }
}
