namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>Flags the client answers the greeting with.</summary>
[Flags]
public enum ClientFlags : uint
{
    None = 0,
    FixedNewstyle = 1 << 0,
    NoZeroes = 1 << 1,
}
