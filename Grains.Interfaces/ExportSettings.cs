namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>What defines one exported disk: every gateway and directory of the export must agree on it.</summary>
[GenerateSerializer, Immutable]
public sealed record ExportSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] long Size,
    [property: Id(2)] AllocatorKind Allocator,
    [property: Id(3)] bool Mlock)
{
    /// <summary>The allocator as nbdkit spells it on its command line.</summary>
    public string AllocatorDisplay => Allocator switch
    {
        AllocatorKind.Malloc when Mlock => "malloc,mlock=true",
        _ => Allocator.ToString().ToLowerInvariant(),
    };
}
