using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Fixtures;

/// <summary>A small read-write sparse disk for protocol-level tests.</summary>
public sealed class ProtocolServerFixture : ServerFixture
{
    public const long Size = 64L << 20;

    internal override ServerLaunch Launch => ServerLaunch.Memory(Size.ToString());
}
