using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>
/// Parses <c>[OPTIONS] memory [size=]SIZE [allocator=...]</c> with nbdkit's meaning, or <c>[OPTIONS] status</c>.
/// Pure: no printing, no exiting, no file system changes.
/// </summary>
public static class GatewayCommandLine
{
    public const string ProgramName = "clusterramdisk";
    public const string PluginName = "memory";
    public const string StatusCommand = "status";

    public static ParseOutcome Parse(IReadOnlyList<string> args)
    {
        if (!ArgumentScanner.TryScan(args, out var scanned, out var scanError))
            return new ParseOutcome.Error(scanError);

        // Like nbdkit, --help and --version answer even without a plugin; the first one given wins.
        var informational = scanned.Options
            .Where(o => o.Kind is OptionKind.Help or OptionKind.Version)
            .Select(o => (OptionKind?)o.Kind)
            .FirstOrDefault();
        if (informational == OptionKind.Help)
            return new ParseOutcome.Help();
        if (informational == OptionKind.Version)
            return new ParseOutcome.Version();

        // The size is filled in from the plugin parameters below.
        var options = new GatewayOptions { Size = 0 };
        foreach (var option in scanned.Options)
        {
            if (!TryApply(options, option, out options, out var optionError))
                return new ParseOutcome.Error(optionError);
        }

        var portGiven = scanned.Options.Any(o => o.Kind == OptionKind.Port);
        if (portGiven && options.ListensOnUnixSocket)
            return new ParseOutcome.Error("-p and -U cannot be used together");

        if (scanned.Operands is [StatusCommand])
            return new ParseOutcome.Status(options.Cluster, options.Json, options.Verbose);
        if (scanned.Operands.Count == 0)
            return new ParseOutcome.Error($"no plugin given: usage is {ProgramName} [OPTIONS] {PluginName} [size=]SIZE (see --help)");
        if (scanned.Operands[0] != PluginName)
            return new ParseOutcome.Error($"unknown plugin '{scanned.Operands[0]}': only '{PluginName}' is supported");

        if (!MemoryPluginParameterParser.TryParse(scanned.Operands.Skip(1).ToList(), out var plugin, out var pluginError))
            return new ParseOutcome.Error(pluginError);

        if (scanned.Options.Any(o => o.Kind == OptionKind.DumpPlugin))
            return new ParseOutcome.DumpPlugin();
        if (plugin.Size is not { } size)
            return new ParseOutcome.Error($"you must give the size: {PluginName} [size=]SIZE");

        return new ParseOutcome.Serve(options with { Size = size, Allocator = plugin.Allocator, Mlock = plugin.Mlock });
    }

    private static bool TryApply(GatewayOptions options, ScannedOption option, out GatewayOptions updated, [NotNullWhen(false)] out string? error)
    {
        updated = options;
        error = null;
        var value = option.Value ?? "";
        switch (option.Kind)
        {
            case OptionKind.Port:
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > IPEndPoint.MaxPort)
                    error = $"invalid port '{value}': expected a number from 0 to {IPEndPoint.MaxPort}";
                else
                    updated = options with { Port = port };
                break;
            case OptionKind.IpAddress:
                if (!IPAddress.TryParse(value, out var address))
                    error = $"invalid IP address '{value}'";
                else
                    updated = options with { IpAddress = address };
                break;
            case OptionKind.UnixSocket when value == "-":
                updated = options with { UnixSocket = null, PrivateUnixSocket = true };
                break;
            case OptionKind.UnixSocket:
                if (value.Length == 0)
                    error = "the Unix socket path is empty";
                else
                    updated = options with { UnixSocket = Path.GetFullPath(value), PrivateUnixSocket = false };
                break;
            case OptionKind.PidFile:
                if (value.Length == 0)
                    error = "the pid file path is empty";
                else
                    updated = options with { PidFile = Path.GetFullPath(value) };
                break;
            case OptionKind.Foreground:
                updated = options with { Foreground = true };
                break;
            case OptionKind.ReadOnly:
                updated = options with { ReadOnly = true };
                break;
            case OptionKind.ExportName:
                updated = options with { ExportName = value };
                break;
            case OptionKind.Run:
                updated = options with { Run = value };
                break;
            case OptionKind.ExitWithParent:
                updated = options with { ExitWithParent = true };
                break;
            case OptionKind.Verbose:
                updated = options with { Verbose = true };
                break;
            case OptionKind.Redis when value.Length == 0:
                error = "the Redis address is empty";
                break;
            case OptionKind.Redis:
                updated = options with { Cluster = options.Cluster with { Redis = value } };
                break;
            case OptionKind.ClusterId:
                updated = options with { Cluster = options.Cluster with { ClusterId = value } };
                break;
            case OptionKind.ServiceId:
                updated = options with { Cluster = options.Cluster with { ServiceId = value } };
                break;
            case OptionKind.Json:
                updated = options with { Json = true };
                break;
            case OptionKind.DumpPlugin or OptionKind.Help or OptionKind.Version:
                // Outcomes rather than settings: Parse handles them.
                break;
        }

        return error is null;
    }
}
