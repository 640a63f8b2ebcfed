using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Placement;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;

namespace ClusterRamDisk.Silo.Placement;

/// <summary>
/// Asks every compatible silo how much budget it has left and places the directory on the one with the most that can
/// still take a whole directory: the silo holds that room in the same step it agrees, so placements decided at the same
/// moment on different silos cannot all count on the same free memory. When none can, the one
/// with the most free budget takes it, and its writes get ENOSPC once that is used up. New directories are rare (one per 128 MiB written), so asking each time
/// costs little and is never stale.
/// </summary>
internal sealed class MostFreeMemoryPlacementDirector(IGrainFactory grains, ILogger<MostFreeMemoryPlacementDirector> logger)
    : IPlacementDirector
{
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(5);

    // One decision at a time on this silo: each sees the holds of the ones before it, which keeps the spread even.
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
            var mostFreeFirst = Enumerable.Range(0, silos.Length).OrderByDescending(i => free[i]).ToArray();
            foreach (var candidate in mostFreeFirst.TakeWhile(i => free[i].AfterHolds >= DiskGeometry.DirectorySize))
            {
                if (await TryHoldAsync(silos[candidate]))
                {
                    logger.LogDebug("placing {Grain} on {Silo} with {Free} bytes free", target.GrainIdentity, silos[candidate], free[candidate]);
                    return silos[candidate];
                }
            }

            // Often only holds on directories still filling stand in the way (they count twice until they lapse): the most
            // free budget decides, among the silos that take placements at all (not draining, answering).
            var best = mostFreeFirst.Where(i => free[i].AfterHolds >= 0).DefaultIfEmpty(mostFreeFirst[0]).MaxBy(i => free[i].Free);
            logger.LogDebug("no silo can count on a directory's worth; placing {Grain} on {Silo} with {Free} bytes free", target.GrainIdentity, silos[best], free[best]);
            return silos[best];
        }
        finally
        {
            _decisions.Release();
        }
    }

    /// <returns>The silo's free budget, or <see cref="PlacementFreeBytes.Unknown"/> when it does not answer (placed there only if no silo answers).</returns>
    private Task<PlacementFreeBytes> FreeBytesAsync(SiloAddress silo) =>
        AskAsync(silo, static memory => memory.GetPlacementFreeBytes(), PlacementFreeBytes.Unknown);

    private Task<bool> TryHoldAsync(SiloAddress silo) =>
        AskAsync(silo, static memory => memory.TryHoldForPlacement(DiskGeometry.DirectorySize), false);

    /// <summary>A silo that does not answer in time counts as one without room, so placement never waits on a dead silo.</summary>
    private async Task<T> AskAsync<T>(SiloAddress silo, Func<ISiloMemoryGrain, ValueTask<T>> question, T silence)
    {
        try
        {
            return await question(grains.GetGrain<ISiloMemoryGrain>(silo.ToParsableString())).AsTask().WaitAsync(ReportTimeout);
        }
        catch (Exception exception) when (exception is OrleansException or TimeoutException)
        {
            logger.LogWarning("silo {Silo} did not answer about its free memory: {Reason}", silo, exception.Message);
            return silence;
        }
    }
}
