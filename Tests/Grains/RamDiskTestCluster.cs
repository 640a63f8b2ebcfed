using System.Diagnostics;
using System.Collections.Concurrent;
using ClusterRamDisk.Grains.Exports;
using ClusterRamDisk.Silo.Draining;
using ClusterRamDisk.Silo.Hosting;
using ClusterRamDisk.Silo.Membership;
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
        await WaitUntilEverySiloIsKnownEverywhereAsync(cluster);
        return new RamDiskTestCluster(cluster);
    }

    /// <summary>
    /// Deploying waits for membership only; the silos' grain lists reach each member a moment later, and until then
    /// placement and status there see fewer silos (seen in CI: a status with one silo of three).
    /// </summary>
    private static async Task WaitUntilEverySiloIsKnownEverywhereAsync(InProcessTestCluster cluster)
    {
        var members = cluster.Silos.Select(silo => cluster.GetSiloServiceProvider(silo.SiloAddress))
            .Append(cluster.Client.ServiceProvider)
            .Select(services => ActivatorUtilities.CreateInstance<DataSilos>(services))
            .ToArray();
        var patience = Stopwatch.StartNew();
        while (true)
        {
            var known = await Task.WhenAll(members.Select(member => member.ActiveAsync()));
            if (known.All(silos => silos.Length == cluster.Silos.Count))
                return;
            if (patience.Elapsed > TimeSpan.FromMinutes(1))
                throw new TimeoutException($"after {patience.Elapsed.TotalSeconds:F0} s the members (silos, then the client) know " +
                    $"{string.Join(", ", known.Select(silos => silos.Length))} of {cluster.Silos.Count} data silos");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}
