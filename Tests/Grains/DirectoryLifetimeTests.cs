using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace ClusterRamDisk.Tests.Grains;

/// <summary>Directory and export grains hold the only copy of the disk: idle collection must never take them.</summary>
public sealed class DirectoryLifetimeTests
{
    private static readonly TimeSpan CollectionAge = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Data_survives_collection_ages_that_collect_ordinary_grains()
    {
        await using var silo = await RamDiskTestCluster.StartAsync(new Dictionary<string, string?>
        {
            [$"{RamDiskSiloBuilderExtensions.GrainCollectionSection}:CollectionAge"] = CollectionAge.ToString(),
            [$"{RamDiskSiloBuilderExtensions.GrainCollectionSection}:CollectionQuantum"] = "00:00:01",
        });
        var grains = silo.Grains;
        var settings = new ExportSettings("lifetime", 1L << 30, AllocatorKind.Sparse, Mlock: false);
        await grains.GetGrain<IExportGrain>(ExportKey.Of(settings.Name)).Open(settings);
        var directory = grains.GetGrain<IDirectoryGrain>(3, ExportKey.Of(settings.Name));
        var pattern = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7 + 1)).ToArray();
        await directory.Write(12_345, pattern);

        var probe = grains.GetGrain<ICollectionProbeGrain>(1);
        var firstActivation = await probe.GetActivationId();
        var collected = false;
        for (var attempt = 0; attempt < 8 && !collected; attempt++)
        {
            // Each call to the probe restarts its idle clock, so wait well past the age between calls.
            await Task.Delay(CollectionAge * 2);
            collected = await probe.GetActivationId() != firstActivation;
        }
        Assert.True(collected, "the shortened collection age never collected an ordinary grain, so this test proves nothing");

        var read = await directory.Read(12_345, pattern.Length);
        Assert.Equal(pattern, read.Data.ToArray());
        Assert.Equal(new long[] { 3 }, await grains.GetGrain<IExportGrain>(ExportKey.Of(settings.Name)).GetDirectories(0, 10));
        Assert.Equal(settings, await grains.GetGrain<IExportGrain>(ExportKey.Of(settings.Name)).GetSettings());
    }

    [Fact]
    public async Task Memory_pressure_shedding_stays_off_even_when_configured_on()
    {
        await using var silo = await RamDiskTestCluster.StartAsync(new Dictionary<string, string?>
        {
            [$"{RamDiskSiloBuilderExtensions.GrainCollectionSection}:EnableActivationSheddingOnMemoryPressure"] = "true",
        });
        var services = silo.Cluster.GetSiloServiceProvider(silo.Cluster.Silos[0].SiloAddress);
        Assert.False(services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.EnableActivationSheddingOnMemoryPressure);
    }
}
