using System.Collections.Concurrent;
using ClusterRamDisk.Grains.Exports;
using ClusterRamDisk.Silo.Draining;
using ClusterRamDisk.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace ClusterRamDisk.Tests.Grains;

/// <summary>In-process silos configured exactly as the RAM disk configures its silos, plus test overrides (one silo unless asked).</summary>
public sealed class RamDiskTestCluster : IAsyncDisposable
{
    private RamDiskTestCluster(InProcessTestCluster cluster) => Cluster = cluster;

    public InProcessTestCluster Cluster { get; }

    public IClusterClient Grains => Cluster.Client;

    public static async Task<RamDiskTestCluster> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, short silos = 1)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var builder = new InProcessTestClusterBuilder(silos);
        var exportRecords = new ConcurrentDictionary<(string, GrainId), byte[]>();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddGrainStorage(ExportStorage.Name, (services, _) =>
                new ClusterWideTestStorage(exportRecords, services.GetRequiredService<Serializer>()));
            silo.AddRamDisk(configuration);
            if (silos > 1)
                // The last silo to stop has nowhere to send its directories: tests do not wait for room that never comes.
                silo.AddDirectoryDraining(giveUpAfter: TimeSpan.Zero);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new RamDiskTestCluster(cluster);
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
