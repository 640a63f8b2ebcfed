namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>
/// How to start a server: the nbdkit-style plugin arguments (e.g. <c>memory 1G allocator=sparse</c>), extra
/// options such as <c>-r</c>, and whether to listen on a Unix socket instead of a loopback TCP port.
/// </summary>
internal sealed record ServerLaunch(IReadOnlyList<string> PluginArguments, bool UnixSocket = false)
{
    public IReadOnlyList<string> Options { get; init; } = [];

    public static ServerLaunch Memory(string size, string allocator = "sparse") =>
        new(["memory", $"size={size}", $"allocator={allocator}"]);
}
