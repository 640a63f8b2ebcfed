namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>
/// The NBD URI of our server in the form nbdkit gives its --run command: host "localhost", the export name as
/// the path and the socket as a query, both percent-encoded except for '/'.
/// </summary>
public static class NbdUri
{
    public static string ForTcp(int port, string exportName) => $"nbd://localhost:{port}{ExportPath(exportName)}";

    public static string ForUnixSocket(string socketPath, string exportName) =>
        $"nbd+unix://{ExportPath(exportName)}?socket={Escape(socketPath)}";

    private static string ExportPath(string exportName) => exportName.Length == 0 ? "" : "/" + Escape(exportName);

    private static string Escape(string text) => Uri.EscapeDataString(text).Replace("%2F", "/", StringComparison.Ordinal);
}
