using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Fixtures;

/// <summary>The largest disk NBD can describe: 2^63-1 bytes, almost all of it a hole.</summary>
public sealed class HugeDiskFixture : ServerFixture
{
    public const long Size = long.MaxValue;

    internal override ServerLaunch Launch => new(["memory", Size.ToString()]);
}
