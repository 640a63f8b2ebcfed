using ClusterRamDisk.Grains.Placement;
using Orleans.Runtime.Placement;

namespace ClusterRamDisk.Silo.Placement;

/// <summary>Places a grain on the silo its key names; fails when that silo is not in the cluster (any more).</summary>
internal sealed class SiloKeyedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silo = SiloAddress.FromParsableString(target.GrainIdentity.Key.ToString()!);
        if (!context.GetCompatibleSilos(target).Contains(silo))
            throw new OrleansException($"silo {silo} is not an active member of the cluster");
        return Task.FromResult(silo);
    }
}
