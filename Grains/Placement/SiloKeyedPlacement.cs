using Orleans.Placement;

namespace ClusterRamDisk.Grains.Placement;

/// <summary>Places a string-keyed grain on the silo its key names (<c>SiloAddress.ToParsableString()</c>): one such grain per silo.</summary>
[GenerateSerializer, Immutable]
public sealed class SiloKeyedPlacement : PlacementStrategy
{
    public static SiloKeyedPlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloKeyedPlacementAttribute() : PlacementAttribute(SiloKeyedPlacement.Instance);
