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

    /// <summary>Sends a signal (SIGTERM: graceful leave; SIGKILL: a crash) and waits for the exit; after SIGTERM it must be exit 0.</summary>
    public async Task StopAsync(int signal = Signals.SigTerm)
    {
        Signal(signal);
        await WaitForExitAsync(cleanly: signal == Signals.SigTerm);
    }

    public void Signal(int signal) => Signals.Send(_process.Id, signal);

    public async Task WaitForExitAsync(bool cleanly)
    {
        using var deadline = new CancellationTokenSource(StopTimeout);
        await _process.WaitForExitAsync(deadline.Token);
        _process.WaitForExit();
        if (cleanly)
            Assert.True(_process.ExitCode == 0, $"The silo exited {_process.ExitCode}:\n{Describe()}");
    }

    /// <summary>Waits until the silo has logged <paramref name="text"/> while still running.</summary>
    public async Task WaitForLogAsync(string text)
    {
        await WaitForAsync(() => _output.Stderr.Contains(text, StringComparison.Ordinal), $"log \"{text}\"", StopTimeout);
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
        await WaitForAsync(() =>
        {
            if (Joined.Match(_output.Stderr) is not { Success: true } joined)
                return false;
            Address = joined.Groups[1].Value;
            return true;
        }, "join", StartTimeout);
    }

    private async Task WaitForAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (condition())
                return;
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new XunitException($"The silo exited {_process.ExitCode} before it would {what}:\n{Describe()}");
            }
            await Task.Delay(100);
        }
        throw new XunitException($"The silo did not {what} within {timeout}:\n{Describe()}");
    }
}
