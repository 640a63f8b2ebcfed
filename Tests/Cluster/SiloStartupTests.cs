using System.Net;
using System.Net.Sockets;
using ClusterRamDisk.Tests.Cluster.Infrastructure;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.Cluster;

/// <summary>A silo that cannot start says why in one line and exits 1.</summary>
public sealed class SiloStartupTests
{
    [Fact]
    public async Task A_bad_size_is_refused() =>
        AssertRefused(await RunSiloAsync("--memory-limit", "1MB"), "invalid memory limit");

    [Fact]
    public async Task An_unknown_option_is_refused() =>
        AssertRefused(await RunSiloAsync("--memory", "1G"), "unknown option");

    [Fact]
    public async Task An_unreachable_Redis_is_reported()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        AssertRefused(await RunSiloAsync("--redis", $"127.0.0.1:{port}", "--silo-port", "0", "--gateway-port", "0"), "cannot reach Redis");
    }

    [Fact]
    public async Task A_taken_port_is_reported()
    {
        await using var redis = await RedisServer.StartAsync();
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        AssertRefused(await RunSiloAsync("--redis", redis.Address, "--silo-port", $"{port}", "--gateway-port", "0"), "cannot listen");
    }

    private static Task<ToolResult> RunSiloAsync(params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        return ToolRunner.RunAsync(dotnet, [Path.Combine(AppContext.BaseDirectory, "ClusterRamDisk.Silo.dll"), .. arguments], TimeSpan.FromMinutes(2));
    }

    private static void AssertRefused(ToolResult result, string reason)
    {
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(result.ExitCode == 1 && lines.Length == 1, $"expected exit 1 and exactly one stderr line:\n{result.Describe()}");
        Assert.StartsWith("clusterramdisk-silo: error: ", lines[0]);
        Assert.Contains(reason, lines[0]);
    }
}
