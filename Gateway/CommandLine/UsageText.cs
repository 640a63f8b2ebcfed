namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>The --help text, laid out like nbdkit's.</summary>
public static class UsageText
{
    public static string Text { get; } =
        $"""
        {GatewayCommandLine.ProgramName} [--exit-with-parent] [-e|--exportname EXPORTNAME]
               [-f|--foreground] [-i|--ipaddr IPADDR]
               [-P|--pidfile PIDFILE] [-p|--port PORT]
               [-r|--readonly] [--run 'COMMAND ARGS ...']
               [-U|--unix SOCKET|-] [-v|--verbose]
               [--redis HOST:PORT [--cluster-id ID] [--service-id ID]]
               {GatewayCommandLine.PluginName} [size=]SIZE [allocator=sparse|malloc[,mlock=true]|zstd]

        {GatewayCommandLine.ProgramName} {GatewayCommandLine.PluginName} --dump-plugin

        {GatewayCommandLine.ProgramName} [--redis HOST:PORT] [--json] {GatewayCommandLine.StatusCommand}

        {GatewayCommandLine.ProgramName} --help

        {GatewayCommandLine.ProgramName} [-V|--version]

        SIZE is a decimal number of bytes with an optional suffix: b, s (512-byte sectors),
        k, m, g, t, p, e (powers of 1024), for example 1G or 512M.
        The defaults are the TCP port {GatewayOptions.DefaultPort} on every address, export name "" and allocator=sparse.
        Without --redis (or CLUSTERRAMDISK_REDIS) the disk lives in this process; with it, in the cluster's silos.
        status lists the cluster's silos that hold data: directories, bytes held, memory budget and what is left of it.
        """;
}
