using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Placement;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;

namespace ClusterRamDisk.Silo.Placement;

/// <summary>
/// Asks every compatible silo how much budget it has left and picks the one with the most, then tells it to expect a
/// directory's worth, so that directories created at the same moment spread out. New directories are rare (one per
/// 128 MiB written), so asking each time costs little and is never stale.
/// </summary>
internal sealed class MostFreeMemoryPlacementDirector(IGrainFactory grains, ILogger<MostFreeMemoryPlacementDirector> logger)
    : IPlacementDirector
{
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(5);

    // One decision at a time on this silo: each sees the holds of the ones before it.
    private readonly SemaphoreSlim _decisions = new(1, 1);

    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 1)
            return silos[0];

        await _decisions.WaitAsync();
        try
        {
            var free = await Task.WhenAll(silos.Select(FreeBytesAsync));
            var best = 0;
            for (var i = 1; i < silos.Length; i++)
                if (free[i].CompareTo(free[best]) > 0)
                    best = i;
            logger.LogDebug("placing {Grain} on {Silo} with {Free} bytes free", target.GrainIdentity, silos[best], free[best]);
            await HoldAsync(silos[best]);
            return silos[best];
        }
        finally
        {
            _decisions.Release();
        }
    }

    /// <returns>The silo's free budget, or <see cref="PlacementFreeBytes.Unknown"/> when it does not answer (placed there only if no silo answers).</returns>
    private async Task<PlacementFreeBytes> FreeBytesAsync(SiloAddress silo)
    {
        try
        {
            return await MemoryOf(silo).GetPlacementFreeBytes().AsTask().WaitAsync(ReportTimeout);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            logger.LogWarning("silo {Silo} did not report its free memory: {Reason}", silo, exception.Message);
            return PlacementFreeBytes.Unknown;
        }
    }

    /// <summary>Best effort: the hold only steers the next decisions, the budget itself is enforced by the silo.</summary>
    private async Task HoldAsync(SiloAddress silo)
    {
        try
        {
            await MemoryOf(silo).HoldForPlacement(DiskGeometry.DirectorySize).AsTask().WaitAsync(ReportTimeout);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            logger.LogWarning("silo {Silo} did not take a placement hold: {Reason}", silo, exception.Message);
        }
    }

    private ISiloMemoryGrain MemoryOf(SiloAddress silo) => grains.GetGrain<ISiloMemoryGrain>(silo.ToParsableString());
}
