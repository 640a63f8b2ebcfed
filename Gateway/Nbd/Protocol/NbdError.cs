namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>Error values of transmission replies (errno numbers as the protocol fixes them).</summary>
public enum NbdError : uint
{
    None = 0,
    PermissionDenied = 1,
    InputOutput = 5,
    OutOfMemory = 12,
    InvalidArgument = 22,
    NoSpace = 28,
    Overflow = 75,
    NotSupported = 95,
    Shutdown = 108,
}
