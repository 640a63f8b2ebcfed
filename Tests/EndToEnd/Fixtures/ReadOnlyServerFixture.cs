using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Fixtures;

/// <summary>A disk served with -r.</summary>
public sealed class ReadOnlyServerFixture : ServerFixture
{
    public const long Size = 64L << 20;

    internal override ServerLaunch Launch => ServerLaunch.Memory(Size.ToString()) with { Options = ["-r"] };
}
