using System.Reflection;
using System.Runtime.InteropServices;

namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>The --version text: our version first (as nbdkit prints its own), then what we run on.</summary>
public static class VersionText
{
    public static string GatewayVersion { get; } = InformationalVersion(typeof(VersionText).Assembly);

    public static string Build() =>
        $"""
        {GatewayCommandLine.ProgramName} {GatewayVersion}
        Orleans {InformationalVersion(typeof(Orleans.IGrainFactory).Assembly)}
        {RuntimeInformation.FrameworkDescription}
        """;

    /// <summary>The version without the "+commit" build metadata the SDK appends.</summary>
    private static string InformationalVersion(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        var metadata = version.IndexOf('+');
        return metadata < 0 ? version : version[..metadata];
    }
}
