namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>The server options we accept, named after nbdkit's.</summary>
public enum OptionKind
{
    Port,
    IpAddress,
    UnixSocket,
    PidFile,
    Foreground,
    ReadOnly,
    ExportName,
    Run,
    ExitWithParent,
    Verbose,
    Redis,
    ClusterId,
    ServiceId,
    Json,
    DumpPlugin,
    Help,
    Version,
}
