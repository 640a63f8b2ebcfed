using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;

namespace ClusterRamDisk.Gateway.Nbd.Server;

/// <summary>
/// An accepted socket seen as a pair of pipes, which is all a session needs. Like nbdkit, each connection has a thread of
/// its own that blocks in recv(2), and replies go out with blocking send(2) calls. The session's reading runs on that
/// thread as data arrives (the input pipe schedules its reader inline), so a request served from local memory is received,
/// carried out and answered without a thread hop. Measured on 2 cores against the runtime's epoll loop (fio, 4k random
/// reads): 22 µs instead of 45 µs at queue depth 1 (nbdkit: 33 µs), and 125k instead of 110k IOPS at queue depth 32.
/// </summary>
internal sealed class SocketConnection : IAsyncDisposable
{
    /// <summary>Buffers the received data lands in: large enough that a 32 MiB write arrives in a modest number of recv(2) calls.</summary>
    private const int ReceiveSegmentSize = 128 * 1024;

    /// <summary>Room one recv(2) gets at least; a segment's rest smaller than this is left unused.</summary>
    private const int MinimumReceiveSize = ReceiveSegmentSize / 4;

    /// <summary>
    /// The writer sends each buffered segment with its own send call: segments this large keep a 1 MiB read reply to a few
    /// sends instead of 256 at the default 4 KiB.
    /// </summary>
    private const int SendSegmentSize = 256 * 1024;

    /// <summary>
    /// Received data the session has not consumed yet, beyond which the receiving thread waits: bounds what a client
    /// sending faster than the session reads can make the server buffer.
    /// </summary>
    private const long PauseReceivingAt = 4 * 1024 * 1024;

    private static readonly TimeSpan PollBeforeBlocking = TimeSpan.FromMicroseconds(50);

    /// <summary>1 while some connection is polling (<see cref="WaitBrieflyForData"/>).</summary>
    private static int _polling;

    private readonly Socket _socket;
    private readonly Pipe _received = new(new PipeOptions(
        pauseWriterThreshold: PauseReceivingAt,
        resumeWriterThreshold: PauseReceivingAt / 2,
        minimumSegmentSize: ReceiveSegmentSize,
        readerScheduler: PipeScheduler.Inline,
        writerScheduler: PipeScheduler.Inline,
        useSynchronizationContext: false));
    private readonly TaskCompletionSource _receiverDone = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SocketConnection(Socket socket)
    {
        _socket = socket;
        if (socket.ProtocolType == ProtocolType.Tcp)
            socket.NoDelay = true;
        Transport = new DuplexPipe(
            _received.Reader,
            PipeWriter.Create(new SocketSendStream(socket), new StreamPipeWriterOptions(minimumBufferSize: SendSegmentSize, leaveOpen: true)));
        RemoteName = socket.RemoteEndPoint?.ToString() is { Length: > 0 } remote ? remote : "unix socket client";
        new Thread(Receive) { IsBackground = true, Name = "NBD connection" }.Start();
    }

    public IDuplexPipe Transport { get; }

    public string RemoteName { get; }

    /// <summary>Closes the socket under a session that is being given up on, so its pending I/O fails.</summary>
    public void Abort() => Close();

    public async ValueTask DisposeAsync()
    {
        Close();
        await _receiverDone.Task;
    }

    private void Close()
    {
        try
        {
            // Closing alone does not wake a thread blocked in recv(2) on Linux; shutting the socket down does.
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already reset by the peer, or closed.
        }
        _socket.Dispose();
    }

    private void Receive()
    {
        var writer = _received.Writer;
        Exception? failure = null;
        try
        {
            while (true)
            {
                WaitBrieflyForData();
                var received = _socket.Receive(writer.GetMemory(MinimumReceiveSize).Span);
                if (received == 0)
                    break;
                writer.Advance(received);
                var flush = writer.FlushAsync();
                // Completing synchronously is the rule: the session read the data inline. A flush that waits means
                // the session is behind by PauseReceivingAt bytes, and this thread has nothing better to do.
                var result = flush.IsCompleted ? flush.Result : flush.AsTask().GetAwaiter().GetResult();
                if (result.IsCompleted)
                    break;
            }
        }
        catch (SocketException exception)
        {
            failure = new IOException($"receiving failed: {exception.Message}", exception);
        }
        catch (ObjectDisposedException)
        {
            // Aborted or disposed: the session is already ending.
        }
        finally
        {
            writer.Complete(failure);
            _receiverDone.SetResult();
        }
    }

    /// <summary>
    /// Polls for the next request a little before blocking in recv(2): waking a blocked thread costs a virtual machine
    /// tens of microseconds, more than a client at queue depth 1 takes to send its next request. Yielding between polls
    /// leaves the processor to any other thread that has work, and only one connection polls at a time: with several
    /// pollers on two cores, nbdcopy's four connections lost the processor time their client needed.
    /// </summary>
    private void WaitBrieflyForData()
    {
        if (Interlocked.CompareExchange(ref _polling, 1, 0) != 0)
            return;
        try
        {
            var start = Stopwatch.GetTimestamp();
            while (_socket.Available == 0 && Stopwatch.GetElapsedTime(start) < PollBeforeBlocking)
                Thread.Yield();
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
