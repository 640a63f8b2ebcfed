namespace ClusterRamDisk.Tests.EndToEnd.Fixtures;

public sealed class SparseServerFixture : AllocatorServerFixture
{
    public override string Allocator => "sparse";

    public override long Size => 1L << 30;
}
