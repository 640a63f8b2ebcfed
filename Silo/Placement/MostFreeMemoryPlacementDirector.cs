using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Placement;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;

namespace ClusterRamDisk.Silo.Placement;

/// <summary>
/// Asks every compatible silo's memory grain how much budget it has left and picks the one with the most.
/// New directories are rare (one per 128 MiB written), so asking each time costs little and is never stale.
/// </summary>
internal sealed class MostFreeMemoryPlacementDirector(IGrainFactory grains, ILogger<MostFreeMemoryPlacementDirector> logger)
    : IPlacementDirector
{
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(5);

    public async Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 1)
            return silos[0];

        var free = await Task.WhenAll(silos.Select(FreeBytesAsync));
        var best = 0;
        for (var i = 1; i < silos.Length; i++)
            if (free[i] > free[best])
                best = i;
        logger.LogDebug("placing {Grain} on {Silo} with {Free} bytes free", target.GrainIdentity, silos[best], free[best]);
        return silos[best];
    }

    /// <returns>The silo's free budget, or -1 when it does not answer (placed there only if no silo answers).</returns>
    private async Task<long> FreeBytesAsync(SiloAddress silo)
    {
        try
        {
            var report = await grains.GetGrain<ISiloMemoryGrain>(silo.ToParsableString()).GetReport().AsTask().WaitAsync(ReportTimeout);
            return report.FreeBytes;
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            logger.LogWarning("silo {Silo} did not report its free memory: {Reason}", silo, exception.Message);
            return -1;
        }
    }
}
