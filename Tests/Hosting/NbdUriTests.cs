using ClusterRamDisk.Gateway.Hosting;

namespace ClusterRamDisk.Tests.Hosting;

/// <summary>Expected values are what nbdkit 1.32 puts in $uri for the same settings.</summary>
public class NbdUriTests
{
    [Theory]
    [InlineData(10809, "", "nbd://localhost:10809")]
    [InlineData(10999, "foo", "nbd://localhost:10999/foo")]
    [InlineData(10998, "a b/c?d", "nbd://localhost:10998/a%20b/c%3Fd")]
    public void Tcp(int port, string exportName, string expected) => Assert.Equal(expected, NbdUri.ForTcp(port, exportName));

    [Theory]
    [InlineData("/tmp/nbdkitA6yfwM/socket", "", "nbd+unix://?socket=/tmp/nbdkitA6yfwM/socket")]
    [InlineData("/tmp/nbdkitA6yfwM/socket", "a b/c?d", "nbd+unix:///a%20b/c%3Fd?socket=/tmp/nbdkitA6yfwM/socket")]
    [InlineData("/tmp/s", "/x", "nbd+unix:////x?socket=/tmp/s")]
    [InlineData("/tmp/s", "é", "nbd+unix:///%C3%A9?socket=/tmp/s")]
    [InlineData("/tmp/s", "a:b@c&d=e+f,g;h!i*j(k)l$m~n_o.p-q", "nbd+unix:///a%3Ab%40c%26d%3De%2Bf%2Cg%3Bh%21i%2Aj%28k%29l%24m~n_o.p-q?socket=/tmp/s")]
    [InlineData("/tmp/we ird'q.sock", "", "nbd+unix://?socket=/tmp/we%20ird%27q.sock")]
    public void UnixSocket(string socketPath, string exportName, string expected) =>
        Assert.Equal(expected, NbdUri.ForUnixSocket(socketPath, exportName));
}
