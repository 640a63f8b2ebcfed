using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Lifecycle;

/// <summary>Signals end the server cleanly, even in the middle of heavy I/O.</summary>
public sealed class ShutdownTests
{
    private static readonly TimeSpan ClientExitTimeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(Signals.SigTerm)]
    [InlineData(Signals.SigInt)]
    public async Task A_signal_during_heavy_io_exits_0(int signal)
    {
        await using var server = await NbdServer.StartAsync(ServerLaunch.Memory("256M"));
        using var flood = await FloodingClient.StartAsync(server, 0);
        try
        {
            await Task.Delay(500);
            await server.StopAsync(signal);

            // The client must notice the closed connection and end by itself.
            using var deadline = new CancellationTokenSource(ClientExitTimeout);
            await flood.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!flood.HasExited)
            {
                flood.Kill();
            }
        }
    }

    [Fact]
    [Trait(IntendedDifference.Category, IntendedDifference.DiffersFromNbdkit)]
    public async Task The_pid_file_is_removed_after_exit()
    {
        await using var server = await NbdServer.StartAsync(ServerLaunch.Memory("1M"));
        Assert.True(File.Exists(server.PidFile));
        await server.StopAsync();
        server.AssertPidFileRemoved();
    }
}
