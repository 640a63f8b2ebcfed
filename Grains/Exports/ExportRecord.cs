using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Grains.Exports;

/// <summary>What an export grain keeps in grain storage.</summary>
[GenerateSerializer]
public sealed class ExportRecord
{
    [Id(0)]
    public ExportSettings? Settings { get; set; }

    [Id(1)]
    public SortedSet<long> Directories { get; set; } = [];
}
