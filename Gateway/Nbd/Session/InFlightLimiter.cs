namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>
/// Bounds the requests one connection has in flight, by count and by payload bytes, so a client cannot make the server
/// hold unbounded memory; and tells when the connection has gone idle. Only the connection's reader acquires, so at
/// most one caller ever waits.
/// </summary>
internal sealed class InFlightLimiter(int maximumRequests, long maximumBytes)
{
    private readonly Lock _gate = new();
    private int _requests;
    private long _bytes;
    private TaskCompletionSource? _roomWaiter;
    private TaskCompletionSource? _idleWaiter;

    public async ValueTask AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task room;
            lock (_gate)
            {
                // A single request larger than the byte budget still runs, alone.
                if (_requests < maximumRequests && (_requests == 0 || _bytes + bytes <= maximumBytes))
                {
                    _requests++;
                    _bytes += bytes;
                    return;
                }
                _roomWaiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                room = _roomWaiter.Task;
            }
            await room.WaitAsync(cancellationToken);
        }
    }

    public void Release(long bytes)
    {
        TaskCompletionSource? room;
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            _requests--;
            _bytes -= bytes;
            room = _roomWaiter;
            _roomWaiter = null;
            if (_requests == 0)
            {
                idle = _idleWaiter;
                _idleWaiter = null;
            }
        }
        room?.TrySetResult();
        idle?.TrySetResult();
    }

    /// <summary>Completes once no request is in flight.</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_requests == 0)
                return Task.CompletedTask;
            _idleWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idleWaiter.Task;
        }
    }
}
