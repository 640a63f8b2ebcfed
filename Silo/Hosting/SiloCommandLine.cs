namespace ClusterRamDisk.Silo.Hosting;

/// <summary>
/// The silo's switches, mapped onto configuration keys so that a switch and its environment variable
/// (<c>CLUSTERRAMDISK_</c> + key) mean the same: <c>--memory-limit 1G</c> is <c>CLUSTERRAMDISK_MEMORYLIMIT=1G</c>.
/// </summary>
public static class SiloCommandLine
{
    public const string ProgramName = "clusterramdisk-silo";

    public static IReadOnlyDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--redis"] = "Redis",
        ["--cluster-id"] = "ClusterId",
        ["--service-id"] = "ServiceId",
        ["--silo-port"] = "SiloPort",
        ["--gateway-port"] = "GatewayPort",
        ["--advertise"] = "AdvertisedAddress",
        ["--memory-limit"] = "MemoryLimit",
        ["--verbose"] = "Verbose",
    };

    public const string Usage =
        $"""
        {ProgramName} [--redis HOST:PORT] [--cluster-id ID] [--service-id ID]
                [--silo-port N] [--gateway-port N] [--advertise IP]
                [--memory-limit SIZE] [-v|--verbose]

        Every switch can also be set as an environment variable: CLUSTERRAMDISK_REDIS, CLUSTERRAMDISK_CLUSTERID,
        CLUSTERRAMDISK_SERVICEID, CLUSTERRAMDISK_SILOPORT, CLUSTERRAMDISK_GATEWAYPORT, CLUSTERRAMDISK_ADVERTISEDADDRESS,
        CLUSTERRAMDISK_MEMORYLIMIT. Defaults: Redis 127.0.0.1:6379, ids "clusterramdisk", ports 11111 and 30000
        (0 picks a free port), address 127.0.0.1, memory limit 80% of the memory available.

        """;

    /// <summary>Rewrites flags into <c>--key=value</c> form and refuses what is not a known switch with a value.</summary>
    public static bool TryNormalize(IReadOnlyList<string> args, out string[] normalized, out string? error)
    {
        var result = new List<string>();
        normalized = [];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-v" or "--verbose")
            {
                result.Add("--verbose=true");
                continue;
            }
            var name = arg.Split('=', 2)[0];
            if (!SwitchMappings.ContainsKey(name))
            {
                error = $"unknown option '{arg}' (see --help)";
                return false;
            }
            if (arg.Contains('='))
                result.Add(arg);
            else if (i + 1 < args.Count)
                result.Add($"{arg}={args[++i]}");
            else
            {
                error = $"option '{arg}' needs a value";
                return false;
            }
        }
        normalized = [.. result];
        error = null;
        return true;
    }
}
