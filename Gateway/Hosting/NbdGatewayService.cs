using System.Net;
using System.Net.Sockets;
using ClusterRamDisk.Gateway.CommandLine;
using ClusterRamDisk.Gateway.Nbd.Server;
using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>
/// Serves the export over NBD once the grains are reachable, and carries out the nbdkit-style duties around it:
/// the pid file, the captive <c>--run</c> command and <c>--exit-with-parent</c>.
/// </summary>
internal sealed class NbdGatewayService(
    GatewayOptions options,
    IGrainFactory grains,
    ILoggerFactory loggerFactory,
    IHostApplicationLifetime lifetime,
    ILogger<NbdGatewayService> logger,
    LocalDirectories? localDirectories = null,
    SiloMemoryLedger? ledger = null) : IHostedService, IDisposable
{
    private static readonly TimeSpan ParentPollInterval = TimeSpan.FromMilliseconds(500);

    private NbdServer? _server;
    private PrivateUnixSocket? _privateSocket;
    private PidFile? _pidFile;
    private ParentProcessWatcher? _parentWatcher;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.ToExportSettings();
        // With its own silo, the gateway knows the only budget there is; a cluster refuses at directory creation instead.
        if (ledger is not null)
            MemoryAdmission.EnsureFits(settings, ledger.BudgetBytes);
        var disk = await ExportOpener.OpenAsync(grains, settings, cancellationToken, localDirectories);

        _server = new NbdServer(new NbdExport(settings.Name, Describe(settings), options.ReadOnly, disk), loggerFactory);
        await _server.StartAsync([ListeningEndpoint()], cancellationToken);
        logger.LogInformation("serving {Size} bytes, allocator={Allocator}, on {Endpoint}", settings.Size, settings.AllocatorDisplay, _server.BoundEndpoints[0]);

        if (options.PidFile is not null)
            _pidFile = PidFile.Write(options.PidFile);
        if (options.Run is not null)
            _ = RunCaptiveCommandAsync(options.Run);
        if (options.ExitWithParent)
        {
            _parentWatcher = ParentProcessWatcher.WatchParent(ParentPollInterval);
            _parentWatcher.ProcessExited.Register(lifetime.StopApplication);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Drain NBD first: the silo, stopped after us, must still answer the requests in flight.
        if (_server is not null)
            await _server.StopAsync(cancellationToken);
        Dispose();
    }

    public void Dispose()
    {
        _parentWatcher?.Dispose();
        _pidFile?.Dispose();
        _pidFile = null;
        _privateSocket?.Dispose();
        _privateSocket = null;
    }

    private EndPoint ListeningEndpoint()
    {
        if (options.PrivateUnixSocket)
        {
            _privateSocket = PrivateUnixSocket.Create();
            return new UnixDomainSocketEndPoint(_privateSocket.SocketPath);
        }
        if (options.UnixSocket is not null)
            return new UnixDomainSocketEndPoint(options.UnixSocket);
        // Like nbdkit, listen on every address, IPv6 and IPv4 alike, unless told otherwise.
        return new IPEndPoint(options.IpAddress ?? IPAddress.IPv6Any, options.Port);
    }

    private async Task RunCaptiveCommandAsync(string command)
    {
        try
        {
            var unixSocket = _privateSocket?.SocketPath ?? options.UnixSocket;
            int? port = unixSocket is null ? ((IPEndPoint)_server!.BoundEndpoints[0]).Port : null;
            Environment.ExitCode = await CaptiveCommand.RunAsync(command, options.ExportName, port, unixSocket, lifetime.ApplicationStopping);
        }
        catch (OperationCanceledException)
        {
            // Stopped from outside before the command finished: nbdkit leaves it running too.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "--run command could not be run");
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private static string Describe(ExportSettings settings) => $"ClusterRamDisk memory disk, allocator={settings.AllocatorDisplay}";
}
