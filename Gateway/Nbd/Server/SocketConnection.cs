using System.IO.Pipelines;
using System.Net.Sockets;

namespace ClusterRamDisk.Gateway.Nbd.Server;

/// <summary>An accepted socket seen as a pair of pipes, which is all a session needs.</summary>
internal sealed class SocketConnection : IAsyncDisposable
{
    /// <summary>Large enough that a 32 MiB write arrives in a modest number of reads.</summary>
    private const int ReceiveBufferSize = 128 * 1024;

    /// <summary>
    /// The writer sends each buffered segment with its own send call: segments this large keep a 1 MiB read reply to a few
    /// sends instead of 256 at the default 4 KiB.
    /// </summary>
    private const int SendSegmentSize = 256 * 1024;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    public SocketConnection(Socket socket)
    {
        _socket = socket;
        if (socket.ProtocolType == ProtocolType.Tcp)
            socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Transport = new DuplexPipe(
            PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: ReceiveBufferSize, minimumReadSize: ReceiveBufferSize / 4, leaveOpen: true)),
            PipeWriter.Create(_stream, new StreamPipeWriterOptions(minimumBufferSize: SendSegmentSize, leaveOpen: true)));
        RemoteName = socket.RemoteEndPoint?.ToString() is { Length: > 0 } remote ? remote : "unix socket client";
    }

    public IDuplexPipe Transport { get; }

    public string RemoteName { get; }

    /// <summary>Closes the socket under a session that is being given up on, so its pending I/O fails.</summary>
    public void Abort() => _socket.Dispose();

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
