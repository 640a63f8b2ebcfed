namespace ClusterRamDisk.Tests.EndToEnd.Fixtures;

public sealed class MallocServerFixture : AllocatorServerFixture
{
    public override string Allocator => "malloc";

    public override long Size => 256L << 20;
}
