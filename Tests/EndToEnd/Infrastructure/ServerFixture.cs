namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>
/// A server shared by all tests of one class (IClassFixture) to keep the suite fast. It is stopped with SIGTERM
/// at the end, so a server that crashed or hung during the class is reported as a failure.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private NbdServer? _server;

    internal NbdServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    internal abstract ServerLaunch Launch { get; }

    public async Task InitializeAsync() => _server = await NbdServer.StartAsync(Launch);

    public async Task DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }

        await using (_server)
        {
            await _server.StopAsync();
        }
    }
}
