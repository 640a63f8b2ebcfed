using System.Net.Sockets;

namespace ClusterRamDisk.Gateway.Nbd.Server;

/// <summary>
/// The sending half of a connection as a write-only stream of blocking send(2) calls, for the session's pipe writer.
/// Replies are sent by whichever thread completes a request; the kernel takes a reply at once unless the client has
/// stopped reading, and then waiting in send is what nbdkit does too. An asynchronous send would also move the socket
/// into the runtime's epoll loop, which the connection's receiving thread is there to avoid.
/// </summary>
internal sealed class SocketSendStream(Socket socket) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            while (!buffer.IsEmpty)
                buffer = buffer[socket.Send(buffer)..];
        }
        catch (SocketException exception)
        {
            throw new IOException($"sending failed: {exception.Message}", exception);
        }
        catch (ObjectDisposedException exception)
        {
            // The connection was aborted under the session: for it, that is a connection lost like any other.
            throw new IOException("sending failed: the connection is closed", exception);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
