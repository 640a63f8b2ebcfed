namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>A silo's free budget as placement weighs it: first less the expected size of directories placed there moments ago, then as it is.</summary>
[GenerateSerializer, Immutable]
public readonly record struct PlacementFreeBytes([property: Id(0)] long AfterHolds, [property: Id(1)] long Free) : IComparable<PlacementFreeBytes>
{
    /// <summary>Stands for a silo that did not answer: below any answer.</summary>
    public static PlacementFreeBytes Unknown { get; } = new(-1, -1);

    public int CompareTo(PlacementFreeBytes other) =>
        AfterHolds != other.AfterHolds ? AfterHolds.CompareTo(other.AfterHolds) : Free.CompareTo(other.Free);
}
