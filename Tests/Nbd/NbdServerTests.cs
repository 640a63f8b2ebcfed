using System.Net;
using System.Net.Sockets;
using ClusterRamDisk.Gateway.Nbd.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterRamDisk.Tests.Nbd;

public sealed class NbdServerTests
{
    [Fact]
    public async Task StopClosesIdleConnectionsAndStopsAccepting()
    {
        var server = new NbdServer(new NbdExport("", "", false, new InMemoryBlockDevice(1 << 20)), NullLoggerFactory.Instance);
        await server.StartAsync([new IPEndPoint(IPAddress.Loopback, 0)], CancellationToken.None);
        var endpoint = (IPEndPoint)server.BoundEndpoints[0];
        Assert.NotEqual(0, endpoint.Port);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(endpoint);
        var greeting = new byte[18];
        Assert.Equal(18, await client.ReceiveAsync(greeting));

        await server.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        Assert.Equal(0, await client.ReceiveAsync(new byte[1]));
        using var late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(async () => await late.ConnectAsync(endpoint));
        await server.DisposeAsync();
    }
}
