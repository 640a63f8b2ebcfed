using ClusterRamDisk.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace ClusterRamDisk.Tests.Grains;

/// <summary>In-process silos configured exactly as the RAM disk configures its silos, plus test overrides (one silo unless asked).</summary>
public sealed class RamDiskTestCluster : IAsyncDisposable
{
    private RamDiskTestCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<RamDiskTestCluster> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, short silos = 1)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) => silo.AddRamDisk(configuration));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new RamDiskTestCluster(cluster);
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
