using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Fixtures;

/// <summary>A read-write memory disk with one allocator, shared by the tests of one class.</summary>
public abstract class AllocatorServerFixture : ServerFixture
{
    public abstract string Allocator { get; }

    public abstract long Size { get; }

    internal override ServerLaunch Launch => ServerLaunch.Memory(Size.ToString(), Allocator);
}
