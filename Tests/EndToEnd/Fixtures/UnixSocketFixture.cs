using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Fixtures;

/// <summary>A small disk served on a Unix socket (-U) instead of TCP.</summary>
public sealed class UnixSocketFixture : ServerFixture
{
    public const long Size = 16L << 20;

    internal override ServerLaunch Launch => ServerLaunch.Memory(Size.ToString()) with { UnixSocket = true };
}
