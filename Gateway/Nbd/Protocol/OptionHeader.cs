namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>The fixed part of an option request; <see cref="Length"/> bytes of option data follow it.</summary>
public readonly record struct OptionHeader(NbdOption Option, uint Length)
{
    public const int Size = 16;
}
