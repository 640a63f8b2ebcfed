using System.Net;
using System.Net.Sockets;

namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>Asks the kernel for an unused loopback port; servers are then started on it.</summary>
internal static class FreeTcpPort
{
    public static int Pick()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
