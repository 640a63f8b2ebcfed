using Orleans.Placement;

namespace ClusterRamDisk.Grains.Placement;

/// <summary>Places a grain on the silo with the most memory budget left, so that a disk larger than any one silo fills them all.</summary>
[GenerateSerializer, Immutable]
public sealed class MostFreeMemoryPlacement : PlacementStrategy
{
    public static MostFreeMemoryPlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class MostFreeMemoryPlacementAttribute() : PlacementAttribute(MostFreeMemoryPlacement.Instance);
