using ClusterRamDisk.Tests.EndToEnd.Fixtures;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Protocol;

/// <summary>Misbehaving clients must only ever hurt their own connection.</summary>
public sealed class RobustnessTests(SmallDiskFixture fixture) : IClassFixture<SmallDiskFixture>
{
    /// <summary>Above both our 32 MiB limit and nbdkit's 64 MiB one.</summary>
    private const long PayloadAboveEveryLimit = (64L << 20) + 4096;

    private NbdServer Server => fixture.Server;

    [Fact]
    public async Task A_payload_above_the_limit_is_refused_while_other_clients_are_served()
    {
        await PythonScripts.AssertPassesAsync(Server, "oversized_request.py", PayloadAboveEveryLimit.ToString());
        Server.AssertAlive();
    }

    [Fact]
    public async Task Garbage_and_bad_magic_close_only_that_connection()
    {
        await PythonScripts.AssertPassesAsync(Server, "garbage.py");
        Server.AssertAlive();
    }

    [Fact]
    public async Task A_client_killed_with_requests_in_flight_leaves_the_server_healthy()
    {
        using var flood = await FloodingClient.StartAsync(Server, 32L << 20);
        await Task.Delay(300);
        flood.Kill();
        await flood.WaitForExitAsync();

        Server.AssertAlive();
        await PythonScripts.AssertPassesAsync(Server, "in_flight.py", (40L << 20).ToString());
    }
}
