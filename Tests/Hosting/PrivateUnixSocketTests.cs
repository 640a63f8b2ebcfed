using System.Runtime.Versioning;
using ClusterRamDisk.Gateway.Hosting;

namespace ClusterRamDisk.Tests.Hosting;

[SupportedOSPlatform("linux")]
public class PrivateUnixSocketTests
{
    [Fact]
    public void LivesInAFreshDirectoryOnlyWeCanEnter()
    {
        string socketDirectory;
        using (var socket = PrivateUnixSocket.Create())
        {
            Assert.Equal("socket", Path.GetFileName(socket.SocketPath));
            socketDirectory = Path.GetDirectoryName(socket.SocketPath)!;
            Assert.Empty(Directory.EnumerateFileSystemEntries(socketDirectory));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(socketDirectory));
        }

        Assert.False(Directory.Exists(socketDirectory));
    }

    [Fact]
    public void EachCallGetsItsOwnDirectory()
    {
        using var first = PrivateUnixSocket.Create();
        using var second = PrivateUnixSocket.Create();

        Assert.NotEqual(first.SocketPath, second.SocketPath);
    }
}
