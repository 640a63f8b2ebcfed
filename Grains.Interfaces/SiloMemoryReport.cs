namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>What one silo holds of the disks and how much of its memory budget is left.</summary>
/// <param name="StoredBytes">Page memory as held (compressed for zstd).</param>
/// <param name="LogicalBytes">The same pages before compression.</param>
[GenerateSerializer, Immutable]
public sealed record SiloMemoryReport(
    [property: Id(0)] string Silo,
    [property: Id(1)] int Directories,
    [property: Id(2)] long StoredBytes,
    [property: Id(3)] long LogicalBytes,
    [property: Id(4)] long BudgetBytes,
    [property: Id(5)] long FreeBytes);
