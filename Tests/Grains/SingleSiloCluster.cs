using ClusterRamDisk.Silo;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace ClusterRamDisk.Tests.Grains;

/// <summary>An in-process silo configured exactly as the RAM disk configures its silos, plus test overrides.</summary>
public sealed class SingleSiloCluster : IAsyncDisposable
{
    private SingleSiloCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.Client;

    public static async Task<SingleSiloCluster> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddRamDisk(configuration));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new SingleSiloCluster(cluster);
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
