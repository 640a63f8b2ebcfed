using ClusterRamDisk.Grains.Memory;
using Orleans.Metadata;

namespace ClusterRamDisk.Silo.Membership;

/// <summary>
/// The active silos that can hold the disk's data. Gateways join the cluster as silos too, but host none of the disk's
/// grains: they must not be asked for a memory report or offered directories.
/// </summary>
public sealed class DataSilos(IGrainFactory grains, IClusterManifestProvider manifest, GrainTypeResolver grainTypes)
{
    private readonly GrainType _memoryGrain = grainTypes.GetGrainType(typeof(SiloMemoryGrain));

    public async Task<SiloAddress[]> ActiveAsync()
    {
        var active = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var manifests = manifest.Current.Silos;
        return active.Keys.Where(silo => manifests.TryGetValue(silo, out var hosted) && HoldsData(hosted)).ToArray();
    }

    /// <summary>Completes once this process has learnt of a silo that holds data: until then no grain of the disk can be called.</summary>
    public async Task WaitForAnyAsync(CancellationToken cancellationToken)
    {
        if (manifest.Current.Silos.Values.Any(HoldsData))
            return;
        await foreach (var update in manifest.Updates.WithCancellation(cancellationToken))
            if (update.Silos.Values.Any(HoldsData))
                return;
    }

    private bool HoldsData(GrainManifest hosted) => hosted.Grains.ContainsKey(_memoryGrain);
}
