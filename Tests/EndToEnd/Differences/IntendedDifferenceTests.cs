using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Differences;

/// <summary>Where we deliberately behave differently from nbdkit 1.32; these fail against nbdkit.</summary>
[Trait(IntendedDifference.Category, IntendedDifference.DiffersFromNbdkit)]
public sealed class IntendedDifferenceTests
{
    /// <summary>nbdkit accepts payloads up to 64 MiB; we keep to the 32 MiB the protocol guarantees.</summary>
    private const long PayloadJustAbove32MiB = (32L << 20) + 4096;

    [Theory]
    [InlineData("sparse")]
    [InlineData("malloc")]
    public async Task All_zero_pages_report_zero_and_sparse_zero_writes_allocate_nothing(string allocator)
    {
        await using var server = await NbdServer.StartAsync(ServerLaunch.Memory("64M", allocator));
        await PythonScripts.AssertPassesAsync(server, "intended_differences.py", allocator, "0");
        await server.StopAsync();
    }

    [Fact]
    public async Task A_payload_just_above_32_MiB_is_refused()
    {
        await using var server = await NbdServer.StartAsync(ServerLaunch.Memory("64M"));
        await PythonScripts.AssertPassesAsync(server, "oversized_request.py", PayloadJustAbove32MiB.ToString());
        await server.StopAsync();
    }
}
