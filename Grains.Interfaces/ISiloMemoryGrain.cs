namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>
/// The memory ledger of one silo, seen from anywhere in the cluster. Keyed by the silo's address
/// (<c>SiloAddress.ToParsableString()</c>) and always activated on that very silo.
/// </summary>
public interface ISiloMemoryGrain : IGrainWithStringKey
{
    ValueTask<SiloMemoryReport> GetReport();

    ValueTask<PlacementFreeBytes> GetPlacementFreeBytes();

    /// <summary>Tells the silo a directory of up to <paramref name="bytes"/> has just been placed on it.</summary>
    ValueTask HoldForPlacement(long bytes);
}
