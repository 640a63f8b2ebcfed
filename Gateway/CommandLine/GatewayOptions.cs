using System.Net;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>Everything the command line asks the gateway to do; defaults are nbdkit's.</summary>
public sealed record GatewayOptions
{
    public const int DefaultPort = 10809;

    /// <summary>TCP port to listen on; 0 picks a free one. Unused when listening on a Unix socket.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Address to listen on; null means every address, as nbdkit does.</summary>
    public IPAddress? IpAddress { get; init; }

    /// <summary>Absolute path of the Unix socket to listen on instead of TCP.</summary>
    public string? UnixSocket { get; init; }

    /// <summary><c>-U -</c>: listen on a socket in a fresh private temporary directory (see Hosting.PrivateUnixSocket).</summary>
    public bool PrivateUnixSocket { get; init; }

    public bool ListensOnUnixSocket => UnixSocket is not null || PrivateUnixSocket;

    /// <summary>Absolute path of the pid file to write once the server accepts connections.</summary>
    public string? PidFile { get; init; }

    /// <summary>Accepted for nbdkit compatibility; the gateway never forks, so it always runs in the foreground.</summary>
    public bool Foreground { get; init; }

    public bool ReadOnly { get; init; }

    public string ExportName { get; init; } = "";

    /// <summary>The captive command of <c>--run</c>.</summary>
    public string? Run { get; init; }

    public bool ExitWithParent { get; init; }

    public bool Verbose { get; init; }

    public ClusterConnection Cluster { get; init; } = new();

    /// <summary><c>--json</c>: the status view prints JSON instead of a table.</summary>
    public bool Json { get; init; }

    public required long Size { get; init; }

    public AllocatorKind Allocator { get; init; } = AllocatorKind.Sparse;

    public bool Mlock { get; init; }

    public ExportSettings ToExportSettings() => new(ExportName, Size, Allocator, Mlock);
}
