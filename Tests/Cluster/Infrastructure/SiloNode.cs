using System.Diagnostics;
using System.Text.RegularExpressions;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;
using Xunit.Sdk;

namespace ClusterRamDisk.Tests.Cluster.Infrastructure;

/// <summary>One standalone silo process on loopback with free ports; started once it has joined the cluster.</summary>
internal sealed class SiloNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(150);

    // The silo logs "silo ADDRESS joined the cluster" once its host has started, i.e. it is an active member.
    private static readonly Regex Joined = new(@"silo (\S+) joined the cluster");

    private readonly Process _process;
    private readonly OutputCapture _output;

    private SiloNode(Process process, OutputCapture output)
    {
        _process = process;
        _output = output;
    }

    /// <summary>The silo's address as the status view shows it (host:port@generation); known once it has joined.</summary>
    public string Address { get; private set; } = "";

    public bool HasExited => _process.HasExited;

    public static async Task<SiloNode> StartAsync(string redis, string memoryLimit)
    {
        var siloDll = Path.Combine(AppContext.BaseDirectory, "ClusterRamDisk.Silo.dll");
        Assert.True(File.Exists(siloDll), $"The silo was not copied to the test output: {siloDll}");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var process = ToolRunner.Start(dotnet,
            [siloDll, "--redis", redis, "--silo-port", "0", "--gateway-port", "0", "--advertise", "127.0.0.1", "--memory-limit", memoryLimit],
            out var output);
        var silo = new SiloNode(process, output);
        try
        {
            await silo.WaitUntilJoinedAsync();
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
        return silo;
    }

    /// <summary>Sends a signal (SIGTERM: graceful leave; the lead's scenarios also SIGKILL) and, for SIGTERM, waits for exit 0.</summary>
    public async Task StopAsync(int signal = Signals.SigTerm)
    {
        Signals.Send(_process.Id, signal);
        using var deadline = new CancellationTokenSource(StopTimeout);
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit();
        if (signal == Signals.SigTerm)
            Assert.True(_process.ExitCode == 0, $"The silo exited {_process.ExitCode} after SIGTERM:\n{Describe()}");
    }

    public string Describe() => $"--- silo {_process.Id} stderr (tail) ---\n{_output.StderrTail()}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilJoinedAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new XunitException($"The silo exited {_process.ExitCode} during start-up:\n{Describe()}");
            }
            if (Joined.Match(_output.Stderr) is { Success: true } joined)
            {
                Address = joined.Groups[1].Value;
                return;
            }
            await Task.Delay(100);
        }
        throw new XunitException($"The silo did not join within {StartTimeout}:\n{Describe()}");
    }
}
