using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Fixtures;

/// <summary>A small read-write sparse disk for protocol and tool tests.</summary>
public sealed class SmallDiskFixture : ServerFixture
{
    public const long Size = 64L << 20;

    internal override ServerLaunch Launch => ServerLaunch.Memory(Size.ToString());
}
