namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>A run of bytes sharing one allocation state; offsets are relative to whoever produced it.</summary>
[GenerateSerializer, Immutable]
public readonly record struct Extent([property: Id(0)] long Offset, [property: Id(1)] long Length, [property: Id(2)] ExtentFlags Flags)
{
    public long End => Offset + Length;
}
