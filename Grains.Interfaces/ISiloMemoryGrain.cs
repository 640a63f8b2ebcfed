namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>
/// The memory ledger of one silo, seen from anywhere in the cluster. Keyed by the silo's address
/// (<c>SiloAddress.ToParsableString()</c>) and always activated on that very silo.
/// </summary>
public interface ISiloMemoryGrain : IGrainWithStringKey
{
    ValueTask<SiloMemoryReport> GetReport();

    ValueTask<PlacementFreeBytes> GetPlacementFreeBytes();

    /// <summary>
    /// Places a directory of up to <paramref name="bytes"/> on the silo if they fit in what placement can count on there
    /// (taking a hold on them for a while); false, and nothing held, otherwise.
    /// </summary>
    ValueTask<bool> TryHoldForPlacement(long bytes);
}
