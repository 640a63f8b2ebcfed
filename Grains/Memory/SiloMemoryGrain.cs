using Orleans.Concurrency;
using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Placement;

namespace ClusterRamDisk.Grains.Memory;

/// <summary>Reports the ledger and the directories of the silo it is placed on (its key names that silo).</summary>
[SiloKeyedPlacement]
[Reentrant]
public sealed class SiloMemoryGrain(SiloMemoryLedger ledger, LocalDirectories directories) : Grain, ISiloMemoryGrain
{
    public ValueTask<SiloMemoryReport> GetReport()
    {
        var (count, stored, logical) = directories.Totals();
        return ValueTask.FromResult(new SiloMemoryReport(
            this.GetPrimaryKeyString(), count, stored, logical, ledger.BudgetBytes, ledger.FreeBytes));
    }

    public ValueTask<PlacementFreeBytes> GetPlacementFreeBytes() =>
        ValueTask.FromResult(new PlacementFreeBytes(ledger.PlacementFreeBytes, ledger.FreeBytes));

    public ValueTask<bool> TryHoldForPlacement(long bytes) => ValueTask.FromResult(ledger.TryHoldForPlacement(bytes));
}
