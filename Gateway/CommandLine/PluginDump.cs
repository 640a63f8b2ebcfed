namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>
/// The --dump-plugin lines: the keys of <c>nbdkit memory --dump-plugin</c> that describe us too. The
/// has_* callback flags and api_version describe nbdkit's C plugin ABI, so they are left out.
/// </summary>
public static class PluginDump
{
    public static IReadOnlyList<string> Lines { get; } = Build();

    private static List<string> Build()
    {
        var lines = new List<string>
        {
            $"name={GatewayCommandLine.PluginName}",
            $"version={VersionText.GatewayVersion}",
            "max_thread_model=parallel",
            "thread_model=parallel",
            $"magic_config_key={MemoryPluginParameterParser.SizeKey}",
        };
        // nbdkit reports mlock only where it can lock memory; we lock it through Linux's mlock.
        if (OperatingSystem.IsLinux())
            lines.Add("mlock=yes");
        lines.Add("zstd=yes");
        return lines;
    }
}
