using System.Net;
using System.Net.Sockets;
using ClusterRamDisk.Gateway.Nbd.Session;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Gateway.Nbd.Server;

/// <summary>
/// Serves one export over NBD on TCP and Unix domain sockets, one session per connection. Stopping drains:
/// no new connections, requests in flight are finished and answered, later ones refused with ESHUTDOWN.
/// </summary>
public sealed partial class NbdServer(NbdExport export, ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<NbdServer>();
    private readonly ILogger _sessionLogger = loggerFactory.CreateLogger<NbdSession>();
    private readonly CancellationTokenSource _stopAccepting = new();
    private readonly List<NbdListener> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<NbdSession, RunningSession> _sessions = [];
    private bool _stopped;

    public IReadOnlyList<EndPoint> BoundEndpoints { get; private set; } = [];

    /// <summary>Binds every endpoint (port 0 picks a free port, see <see cref="BoundEndpoints"/>) and starts accepting.</summary>
    public Task StartAsync(IReadOnlyList<EndPoint> endpoints, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var endpoint in endpoints)
            {
                cancellationToken.ThrowIfCancellationRequested();
                _listeners.Add(NbdListener.Bind(endpoint));
            }
        }
        catch
        {
            foreach (var listener in _listeners)
                listener.Dispose();
            _listeners.Clear();
            throw;
        }
        BoundEndpoints = _listeners.Select(listener => listener.LocalEndPoint).ToArray();
        foreach (var listener in _listeners)
            _acceptLoops.Add(AcceptLoopAsync(listener));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Graceful drain; when <paramref name="cancellationToken"/> fires first, the remaining connections are cut.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        RunningSession[] running;
        lock (_gate)
        {
            if (_stopped)
                return;
            _stopped = true;
            running = [.. _sessions.Values];
        }
        _stopAccepting.Cancel();
        foreach (var listener in _listeners)
            listener.Dispose();
        await Task.WhenAll(_acceptLoops);

        foreach (var session in running)
            session.Session.RequestStop();
        var all = Task.WhenAll(running.Select(session => session.Completion));
        try
        {
            await all.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            foreach (var session in running)
            {
                session.Session.Abort();
                session.Connection.Abort();
            }
            await all;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(new CancellationToken(canceled: true));

    private async Task AcceptLoopAsync(NbdListener listener)
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopAccepting.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException || _stopAccepting.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception)
            {
                // A refused or reset connection (or a passing lack of descriptors) must not end the listener.
                LogAcceptFailed(_logger, listener.LocalEndPoint, exception);
                continue;
            }
            StartSession(socket);
        }
    }

    private void StartSession(Socket socket)
    {
        var connection = new SocketConnection(socket);
        var session = new NbdSession(export, connection.Transport, connection.RemoteName, _sessionLogger);
        lock (_gate)
        {
            // Registered under the lock, which RunSessionAsync needs before it can deregister.
            _sessions[session] = new RunningSession(session, connection, RunSessionAsync(session, connection));
            if (_stopped)
                session.RequestStop();
        }
    }

    private async Task RunSessionAsync(NbdSession session, SocketConnection connection)
    {
        await Task.Yield();
        try
        {
            await session.RunAsync();
        }
        finally
        {
            await connection.DisposeAsync();
            lock (_gate)
                _sessions.Remove(session);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "accepting a connection on {Endpoint} failed")]
    private static partial void LogAcceptFailed(ILogger logger, EndPoint endpoint, Exception exception);

    private sealed record RunningSession(NbdSession Session, SocketConnection Connection, Task Completion);
}
