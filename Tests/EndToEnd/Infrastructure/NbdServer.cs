using System.Diagnostics;
using Xunit.Sdk;

namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>
/// One running NBD server process (our gateway or nbdkit) in the foreground with a pid file. Started only
/// once it accepts connections (the pid file is written then); stopped with SIGTERM, which must exit 0.
/// </summary>
internal sealed class NbdServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly OutputCapture _output;
    private readonly TemporaryDirectory _workDirectory;

    private NbdServer(Process process, OutputCapture output, TemporaryDirectory workDirectory, string pidFile,
        string uri, int? port, string? unixSocket, string commandLine)
    {
        _process = process;
        _output = output;
        _workDirectory = workDirectory;
        PidFile = pidFile;
        Uri = uri;
        Port = port;
        UnixSocket = unixSocket;
        CommandLine = commandLine;
    }

    /// <summary>The NBD URI clients connect to (nbd://127.0.0.1:PORT or nbd+unix:///?socket=PATH).</summary>
    public string Uri { get; }

    public int? Port { get; }

    public string? UnixSocket { get; }

    public string PidFile { get; }

    public string CommandLine { get; }

    public string StderrTail => _output.StderrTail();

    public static async Task<NbdServer> StartAsync(ServerLaunch launch)
    {
        var workDirectory = new TemporaryDirectory();
        var pidFile = workDirectory.PathOf("server.pid");
        var arguments = new List<string> { "-f", "-P", pidFile };
        string uri;
        int? port = null;
        string? unixSocket = null;
        if (launch.UnixSocket)
        {
            unixSocket = workDirectory.PathOf("nbd.sock");
            arguments.AddRange(["-U", unixSocket]);
            uri = $"nbd+unix:///?socket={unixSocket}";
        }
        else
        {
            port = FreeTcpPort.Pick();
            arguments.AddRange(["-i", "127.0.0.1", "-p", port.Value.ToString()]);
            uri = $"nbd://127.0.0.1:{port}";
        }

        arguments.AddRange(launch.Options);
        arguments.AddRange(launch.PluginArguments);
        var (fileName, leading) = ServerUnderTest.Command;
        var allArguments = leading.Concat(arguments).ToList();
        var process = ToolRunner.Start(fileName, allArguments, out var output);
        var server = new NbdServer(process, output, workDirectory, pidFile, uri, port, unixSocket,
            $"{fileName} {string.Join(' ', allArguments)}");
        try
        {
            await server.WaitUntilAcceptingAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>
    /// Sends SIGTERM (or the given signal) and asserts a clean exit (status 0, pid file removed) within a
    /// bounded time.
    /// </summary>
    public async Task StopAsync(int signal = Signals.SigTerm)
    {
        Assert.False(_process.HasExited, $"The server died before it was stopped:\n{Describe()}");
        Signals.Send(_process.Id, signal);
        await WaitForExitAsync(StopTimeout);
        Assert.True(_process.ExitCode == 0,
            $"The server exited {_process.ExitCode} after signal {signal}:\n{Describe()}");
        if (ServerUnderTest.RemovesPidFile)
        {
            AssertPidFileRemoved();
        }
    }

    public void AssertPidFileRemoved() =>
        Assert.False(File.Exists(PidFile), $"The pid file {PidFile} was left behind:\n{Describe()}");

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new XunitException($"The server did not exit within {timeout}:\n{Describe()}");
        }

        _process.WaitForExit();
    }

    /// <summary>Asserts the server is still running, with its stderr if not.</summary>
    public void AssertAlive() =>
        Assert.False(_process.HasExited, $"The server is gone (exit {SafeExitCode()}):\n{Describe()}");

    public string Describe() => $"command: {CommandLine}\n--- server stderr (tail) ---\n{_output.StderrTail()}";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _workDirectory.Dispose();
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        var pid = "";
        while (stopwatch.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                throw new XunitException($"The server exited {_process.ExitCode} during start-up:\n{Describe()}");
            }

            // A half-written pid file reads as a prefix, so keep polling until it names the server.
            pid = File.Exists(PidFile) ? (await File.ReadAllTextAsync(PidFile)).Trim() : "";
            if (pid == _process.Id.ToString())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new XunitException($"The server (pid {_process.Id}) did not write its pid into {PidFile} within " +
                                 $"{StartTimeout} (it holds '{pid}'):\n{Describe()}");
    }

    private string SafeExitCode() => _process.HasExited ? _process.ExitCode.ToString() : "running";
}
