namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>What the command line asks for. The caller acts on it; the parser never prints or exits.</summary>
public abstract record ParseOutcome
{
    private ParseOutcome()
    {
    }

    /// <summary>Serve the disk.</summary>
    public sealed record Serve(GatewayOptions Options) : ParseOutcome;

    /// <summary>Print where the disk lives in the cluster (the <c>status</c> command), exit 0.</summary>
    public sealed record Status(ClusterConnection Cluster, bool Json, bool Verbose) : ParseOutcome;

    /// <summary>Print <see cref="UsageText.Text"/> on stdout, exit 0.</summary>
    public sealed record Help : ParseOutcome;

    /// <summary>Print <see cref="VersionText.Build"/> on stdout, exit 0.</summary>
    public sealed record Version : ParseOutcome;

    /// <summary>Print <see cref="PluginDump.Lines"/> on stdout, exit 0.</summary>
    public sealed record DumpPlugin : ParseOutcome;

    /// <summary>Print <see cref="StderrLine"/> on stderr, exit 1.</summary>
    public sealed record Error(string Message) : ParseOutcome
    {
        public string StderrLine => $"{GatewayCommandLine.ProgramName}: error: {Message}";
    }
}
