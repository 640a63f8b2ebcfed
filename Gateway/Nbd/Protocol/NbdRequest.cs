namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>A transmission request header; a WRITE is followed by <see cref="Length"/> bytes of payload.</summary>
public readonly record struct NbdRequest(CommandFlags Flags, NbdCommand Command, ulong Cookie, ulong Offset, uint Length)
{
    public const int Size = 28;
}
