using System.Diagnostics;
using System.Net.Sockets;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;
using Xunit.Sdk;

namespace ClusterRamDisk.Tests.Cluster.Infrastructure;

/// <summary>A throw-away redis-server on a free loopback port, without persistence. A missing redis-server fails the test.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly OutputCapture _output;

    private RedisServer(Process process, OutputCapture output, int port)
    {
        _process = process;
        _output = output;
        Address = $"127.0.0.1:{port}";
        Port = port;
    }

    /// <summary>HOST:PORT, as silos and gateways take it.</summary>
    public string Address { get; }

    public int Port { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreeTcpPort.Pick();
        var process = ToolRunner.Start("redis-server",
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], out var output);
        var redis = new RedisServer(process, output, port);
        try
        {
            await redis.WaitUntilAcceptingAsync();
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
        return redis;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new XunitException($"redis-server exited {_process.ExitCode}:\n{_output.StderrTail()}\n{_output.Stdout}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new XunitException($"redis-server did not accept connections on {Address} within {StartTimeout}");
    }
}
