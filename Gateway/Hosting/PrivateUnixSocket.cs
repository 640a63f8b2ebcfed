namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>
/// The socket of <c>-U -</c>: like nbdkit, a "socket" file in a fresh temporary directory only we can
/// enter (mode 0700), so no other user can connect. Disposing removes the directory.
/// </summary>
public sealed class PrivateUnixSocket : IDisposable
{
    private readonly DirectoryInfo directory;

    private PrivateUnixSocket(DirectoryInfo directory)
    {
        this.directory = directory;
        SocketPath = Path.Combine(directory.FullName, "socket");
    }

    public string SocketPath { get; }

    public static PrivateUnixSocket Create() => new(Directory.CreateTempSubdirectory("clusterramdisk"));

    public void Dispose() => directory.Delete(recursive: true);
}
