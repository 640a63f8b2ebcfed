using System.IO.Pipelines;
using ClusterRamDisk.Gateway.Nbd.Protocol;
using ClusterRamDisk.Gateway.Nbd.Server;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>
/// The transmission phase: reads requests one after another and starts each as soon as its header and payload are in,
/// so many run at once and are answered as they complete. Refused requests are answered on the spot, with their
/// payload drained so the stream stays in step.
/// </summary>
internal sealed class TransmissionLoop
{
    private readonly NbdExport _export;
    private readonly NegotiatedOptions _negotiated;
    private readonly PipeReader _input;
    private readonly InFlightLimiter _limiter;
    private readonly StopSignal _stop;
    private readonly Action _abortSession;
    private readonly string _client;
    private readonly ILogger _logger;
    private readonly ReplyWriter _replies;
    private readonly CommandExecutor _executor;

    public TransmissionLoop(NbdExport export, NegotiatedOptions negotiated, IDuplexPipe transport, InFlightLimiter limiter,
        StopSignal stop, Action abortSession, string client, ILogger logger)
    {
        _export = export;
        _negotiated = negotiated;
        _input = transport.Input;
        _limiter = limiter;
        _stop = stop;
        _abortSession = abortSession;
        _client = client;
        _logger = logger;
        _replies = new ReplyWriter(transport.Output, negotiated.StructuredReplies);
        _executor = new CommandExecutor(export.Device, _replies, logger);
    }

    /// <summary>Returns when the client disconnects or closes, or when a stop has closed reading.</summary>
    /// <exception cref="NbdProtocolException">The client sent something that is not a request.</exception>
    public async Task RunAsync(CancellationToken abort)
    {
        var needMoreInput = true;
        // Once reading has closed, only what had been received by then is answered: the connection goes on receiving,
        // and a client that keeps sending must not keep the session open.
        long? leftAtClose = null;
        while (true)
        {
            // A request already at hand is taken without waiting; only before waiting for input do the replies held
            // back meanwhile go out, so that a burst of requests is answered with few sends.
            if (needMoreInput || !_input.TryRead(out var result))
            {
                await _replies.ReleaseHeldAsync();
                if (await _input.ReadNextAsync(_stop, abort) is not { } next)
                    return;
                result = next;
            }
            var buffer = result.Buffer;
            if (_stop.IsReadingClosed)
            {
                leftAtClose ??= buffer.Length;
                buffer = buffer.Slice(0, Math.Clamp(leftAtClose.Value, 0, buffer.Length));
            }
            var unread = buffer.Length;
            needMoreInput = !TransmissionReader.TryReadRequest(ref buffer, out var request);
            if (needMoreInput)
            {
                if (result.IsCompleted || _stop.IsReadingClosed)
                    return;
                _input.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            _input.AdvanceTo(buffer.Start);
            leftAtClose -= unread - buffer.Length + (request.Command == NbdCommand.Write ? request.Length : 0);
            // Waiting for the rest of a payload is waiting for input too.
            if (request.Command == NbdCommand.Write && buffer.Length < request.Length)
                await _replies.ReleaseHeldAsync();
            _replies.Hold();

            if (request.Command == NbdCommand.Disconnect)
                return;
            if (!await DispatchAsync(request, abort))
                return;
        }
    }

    /// <returns>False when the client closed in the middle of a payload.</returns>
    private async ValueTask<bool> DispatchAsync(NbdRequest request, CancellationToken abort)
    {
        var message = "server is shutting down";
        var error = _stop.IsRequested
            ? NbdError.Shutdown
            : RequestValidator.Validate(request, _export.Device.Size, _export.ReadOnly, _negotiated, out message);
        if (error != NbdError.None)
        {
            if (request.Command == NbdCommand.Write && !await _input.SkipAsync(request.Length, abort))
                return false;
            await _replies.SendErrorAsync(request.Cookie, error, message);
            return true;
        }

        // Reads hold their data until it is sent, writes their payload until it is stored: both count against the budget.
        long bytes = request.Command is NbdCommand.Read or NbdCommand.Write ? request.Length : 0;
        await _limiter.AcquireAsync(bytes, abort);
        var payload = default(WritePayload);
        if (request.Command == NbdCommand.Write && request.Length > 0)
        {
            try
            {
                if (await WritePayload.ReceiveAsync(_input, _export.Device, (long)request.Offset, (int)request.Length, abort) is not { } received)
                {
                    _limiter.Release(bytes);
                    return false;
                }
                payload = received;
            }
            catch
            {
                _limiter.Release(bytes);
                throw;
            }
        }
        _ = ExecuteAsync(request, payload, bytes, abort);
        return true;
    }

    private async Task ExecuteAsync(NbdRequest request, WritePayload payload, long bytes, CancellationToken abort)
    {
        try
        {
            await _executor.ExecuteAsync(request, payload, abort);
        }
        catch (Exception exception)
        {
            // Only sending can fail here: the client is gone, so the whole connection goes.
            if (!abort.IsCancellationRequested)
                _logger.ConnectionLost(_client, exception);
            _abortSession();
        }
        finally
        {
            _limiter.Release(bytes);
        }
    }
}
