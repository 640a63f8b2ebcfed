using System.Net;
using System.Net.Sockets;

namespace ClusterRamDisk.Silo.Hosting;

public static class FreePort
{
    /// <summary>A TCP port free on loopback right now, for listeners that cannot bind port 0 themselves.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
