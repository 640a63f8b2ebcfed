using System.IO.Pipelines;
using ClusterRamDisk.Gateway.Nbd.Protocol;
using ClusterRamDisk.Gateway.Nbd.Server;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>
/// One client connection from greeting to close, over any duplex pipe. Whatever way it ends (DISC, the client
/// closing, garbage, a stop), requests already in flight finish and are answered before the pipe is completed.
/// </summary>
internal sealed class NbdSession
{
    private readonly NbdExport _export;
    private readonly IDuplexPipe _transport;
    private readonly string _client;
    private readonly ILogger _logger;
    private readonly InFlightLimiter _limiter = new(NbdLimits.MaximumRequestsInFlight, NbdLimits.MaximumBytesInFlight);
    private readonly CancellationTokenSource _abort = new();
    private readonly StopSignal _stop = new();

    public NbdSession(NbdExport export, IDuplexPipe transport, string client, ILogger logger)
    {
        _export = export;
        _transport = transport;
        _client = client;
        _logger = logger;
    }

    public async Task RunAsync()
    {
        try
        {
            var negotiator = new OptionNegotiator(_export, _transport, _stop, _client, _logger);
            var negotiated = await negotiator.NegotiateAsync(_abort.Token);
            if (negotiated is not null)
            {
                _logger.TransmissionStarted(_client, negotiated.StructuredReplies, negotiated.BaseAllocation);
                var transmission = new TransmissionLoop(_export, negotiated, _transport, _limiter, _stop, Abort, _client, _logger);
                await transmission.RunAsync(_abort.Token);
            }
        }
        catch (NbdProtocolException exception)
        {
            _logger.ProtocolViolation(_client, exception.Message);
        }
        catch (OperationCanceledException)
        {
            // Stopped or aborted: the caller asked for it.
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            _logger.ConnectionLost(_client, exception);
        }
        finally
        {
            await _limiter.WhenIdleAsync();
            try
            {
                // Completing flushes what is still buffered; a client that already hung up makes that fail, harmlessly.
                await _transport.Output.CompleteAsync();
            }
            catch (IOException exception)
            {
                _logger.ConnectionLost(_client, exception);
            }
            await _transport.Input.CompleteAsync();
        }
    }

    /// <summary>
    /// Graceful stop: options still to come get ERR_SHUTDOWN, new requests ESHUTDOWN; once nothing is in flight
    /// the session stops reading and closes.
    /// </summary>
    public void RequestStop()
    {
        _stop.Request();
        _ = CloseReadingWhenIdleAsync();
    }

    /// <summary>Hard stop: cancels the device work in flight and abandons pending output.</summary>
    public void Abort()
    {
        try
        {
            _transport.Output.CancelPendingFlush();
        }
        catch (ObjectDisposedException)
        {
            // The session has just ended and completed its output: no flush is pending.
        }
        _abort.Cancel();
    }

    private async Task CloseReadingWhenIdleAsync()
    {
        await _limiter.WhenIdleAsync();
        _stop.CloseReading();
        // Wakes a reader waiting for input that may never come; it then answers only what is already buffered.
        _transport.Input.CancelPendingRead();
    }
}
