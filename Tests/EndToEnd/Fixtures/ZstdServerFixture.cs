namespace ClusterRamDisk.Tests.EndToEnd.Fixtures;

public sealed class ZstdServerFixture : AllocatorServerFixture
{
    public override string Allocator => "zstd";

    public override long Size => 256L << 20;
}
