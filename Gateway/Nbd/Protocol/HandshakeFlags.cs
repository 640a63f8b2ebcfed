namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>Flags the server offers in its greeting.</summary>
[Flags]
public enum HandshakeFlags : ushort
{
    None = 0,
    FixedNewstyle = 1 << 0,
    NoZeroes = 1 << 1,
}
