using System.Net;
using System.Net.Sockets;

namespace ClusterRamDisk.Gateway.Nbd.Server;

/// <summary>A listening TCP or Unix domain socket.</summary>
internal sealed class NbdListener : IDisposable
{
    private const int Backlog = 512;

    private readonly Socket _socket;
    private readonly string? _unixSocketPath;

    private NbdListener(Socket socket, string? unixSocketPath)
    {
        _socket = socket;
        _unixSocketPath = unixSocketPath;
        LocalEndPoint = socket.LocalEndPoint!;
    }

    /// <summary>The bound address, with the real port when port 0 was asked for.</summary>
    public EndPoint LocalEndPoint { get; }

    public static NbdListener Bind(EndPoint endpoint)
    {
        var socket = endpoint switch
        {
            UnixDomainSocketEndPoint => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified),
            IPEndPoint ip => new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp),
            _ => throw new ArgumentException($"cannot listen on {endpoint}", nameof(endpoint)),
        };
        try
        {
            // The IPv6 wildcard means every address, IPv4 included, as it does for nbdkit.
            if (endpoint is IPEndPoint { Address: var address } && address.Equals(IPAddress.IPv6Any))
                socket.DualMode = true;
            socket.Bind(endpoint);
            socket.Listen(Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new NbdListener(socket, endpoint is UnixDomainSocketEndPoint ? endpoint.ToString() : null);
    }

    public ValueTask<Socket> AcceptAsync(CancellationToken cancellationToken) => _socket.AcceptAsync(cancellationToken);

    public void Dispose()
    {
        _socket.Dispose();
        // Unlike a TCP port, a socket file outlives its listener.
        if (_unixSocketPath is not null)
            File.Delete(_unixSocketPath);
    }
}
