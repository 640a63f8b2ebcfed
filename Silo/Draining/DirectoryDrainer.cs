using System.Diagnostics;
using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Memory;
using ClusterRamDisk.Silo.Membership;
using Microsoft.Extensions.Logging;
using Orleans.Core.Internal;

namespace ClusterRamDisk.Silo.Draining;

/// <summary>
/// When the silo is told to stop, moves its directories, pages and all, to the other silos before any grain is
/// deactivated: one at a time, so that each move is one message of at most one directory (Orleans would otherwise batch
/// them), and only to a silo with room for it. What cannot move yet stays here and keeps being served: the stop waits
/// until room appears or the process is killed, because stopping would destroy the only copy.
/// </summary>
internal sealed class DirectoryDrainer(
    LocalDirectories directories,
    SiloMemoryLedger ledger,
    IGrainFactory grains,
    ILocalSiloDetails localSilo,
    DataSilos dataSilos,
    DrainingPatience patience,
    ILogger<DirectoryDrainer> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MoveTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    public void Participate(ISiloLifecycle lifecycle) =>
        // Stages stop in reverse order: Active stops first, while the silo is still a member and its grains still run.
        lifecycle.Subscribe(nameof(DirectoryDrainer), ServiceLifecycleStage.Active, _ => Task.CompletedTask, DrainAsync);

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        ledger.StartDraining();
        var pending = directories.Snapshot();
        if (pending.Count == 0)
            return;

        var bytes = pending.Sum(directory => StoredBytes(directory.Memory));
        logger.LogWarning("handing {Count} directories ({Bytes} bytes) over to the other silos before stopping", pending.Count, bytes);
        var clock = Stopwatch.StartNew();
        foreach (var (exportKey, index, memory) in pending)
            await HandOverAsync(exportKey, index, memory);
        logger.LogWarning("handed {Count} directories ({Bytes} bytes) over in {Seconds:F1} s", pending.Count, bytes, clock.Elapsed.TotalSeconds);
    }

    private async Task HandOverAsync(string exportKey, long index, DirectoryMemory memory)
    {
        var warned = false;
        var waiting = Stopwatch.StartNew();
        while (directories.Find(exportKey, index) == memory)
        {
            var usage = Usage(memory);
            if (await AnotherSiloHasRoomAsync(usage.StoredBytes))
            {
                // Asked from outside the grain, Orleans picks the target first and leaves the grain in place if there is none.
                await grains.GetGrain<IDirectoryGrain>(index, exportKey).Cast<IGrainManagementExtension>().MigrateOnIdle();
                if (await LeftAsync(exportKey, index, memory))
                {
                    await VerifyAsync(exportKey, index, usage);
                    return;
                }
                logger.LogWarning("directory {Index} of {Export} has not moved yet; trying again", index, exportKey);
            }
            else if (!warned)
            {
                logger.LogError(
                    "cannot hand directory {Index} of {Export} ({Bytes} bytes) over: no other silo has room for it; " +
                    "keeping it here, served as before, until room appears or this silo is killed", index, exportKey, usage.StoredBytes);
                warned = true;
            }
            if (waiting.Elapsed >= patience.GiveUpAfter)
            {
                logger.LogError("giving up on directory {Index} of {Export}: it is lost as this silo stops", index, exportKey);
                return;
            }
            // Not cancelled by the stop: giving up would throw away the only copy of the pages.
            await Task.Delay(patience.GiveUpAfter is { } limit && limit < RetryInterval ? limit : RetryInterval);
        }
    }

    private async Task<bool> AnotherSiloHasRoomAsync(long bytes)
    {
        var silos = await dataSilos.ActiveAsync();
        foreach (var silo in silos.Where(silo => !silo.Equals(localSilo.SiloAddress)))
        {
            try
            {
                var free = await grains.GetGrain<ISiloMemoryGrain>(silo.ToParsableString()).GetPlacementFreeBytes();
                if (free.AfterHolds >= bytes || free.Free >= bytes)
                    return true;
            }
            catch (OrleansException exception)
            {
                logger.LogWarning("silo {Silo} did not report its free memory: {Reason}", silo, exception.Message);
            }
        }
        return false;
    }

    private async Task<bool> LeftAsync(string exportKey, long index, DirectoryMemory memory)
    {
        var waited = Stopwatch.StartNew();
        while (directories.Find(exportKey, index) == memory)
        {
            if (waited.Elapsed > MoveTimeout)
                return false;
            await Task.Delay(PollInterval);
        }
        return true;
    }

    /// <summary>The directory must hold at its new silo what it held here; a mismatch means the move lost pages, which must be said loudly.</summary>
    private async Task VerifyAsync(string exportKey, long index, DirectoryUsage before)
    {
        DirectoryUsage after;
        try
        {
            after = await grains.GetGrain<IDirectoryGrain>(index, exportKey).GetUsage();
        }
        catch (Exception exception) when (exception is DirectoryLostException or OrleansException)
        {
            logger.LogError("directory {Index} of {Export} did not arrive: {Reason}", index, exportKey, exception.Message);
            return;
        }
        if (after.LogicalBytes != before.LogicalBytes || after.AllocatedPages != before.AllocatedPages)
            logger.LogError("directory {Index} of {Export} arrived with {After} instead of {Before}", index, exportKey, after, before);
        else
            logger.LogInformation("directory {Index} of {Export} moved with {Bytes} bytes", index, exportKey, before.StoredBytes);
    }

    private static DirectoryUsage Usage(DirectoryMemory memory)
    {
        try
        {
            return memory.Usage;
        }
        catch (ObjectDisposedException)
        {
            return default;
        }
    }

    private static long StoredBytes(DirectoryMemory memory) => Usage(memory).StoredBytes;
}
