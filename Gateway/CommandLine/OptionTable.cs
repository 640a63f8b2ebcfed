namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>One spelling of an option: several long names (nbdkit's aliases) may share a kind.</summary>
public sealed record OptionSpelling(string LongName, char? ShortName, OptionKind Kind, bool TakesArgument);

/// <summary>
/// nbdkit's spellings of the options we support, aliases included, so scripts written for nbdkit work;
/// plus our own for joining a cluster (--redis, --cluster-id, --service-id) and for the status view (--json).
/// </summary>
public static class OptionTable
{
    public static IReadOnlyList<OptionSpelling> Spellings { get; } =
    [
        new("cluster-id", null, OptionKind.ClusterId, true),
        new("dump-plugin", null, OptionKind.DumpPlugin, false),
        new("exit-with-parent", null, OptionKind.ExitWithParent, false),
        new("export", null, OptionKind.ExportName, true),
        new("export-name", null, OptionKind.ExportName, true),
        new("exportname", 'e', OptionKind.ExportName, true),
        new("foreground", 'f', OptionKind.Foreground, false),
        new("no-fork", null, OptionKind.Foreground, false),
        new("help", null, OptionKind.Help, false),
        new("ip-addr", null, OptionKind.IpAddress, true),
        new("ipaddr", 'i', OptionKind.IpAddress, true),
        new("json", null, OptionKind.Json, false),
        new("pid-file", null, OptionKind.PidFile, true),
        new("pidfile", 'P', OptionKind.PidFile, true),
        new("port", 'p', OptionKind.Port, true),
        new("read-only", null, OptionKind.ReadOnly, false),
        new("readonly", 'r', OptionKind.ReadOnly, false),
        new("redis", null, OptionKind.Redis, true),
        new("run", null, OptionKind.Run, true),
        new("service-id", null, OptionKind.ServiceId, true),
        new("unix", 'U', OptionKind.UnixSocket, true),
        new("verbose", 'v', OptionKind.Verbose, false),
        new("version", 'V', OptionKind.Version, false),
    ];
}
