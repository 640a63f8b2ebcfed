using ClusterRamDisk.Tests.EndToEnd.Fixtures;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Allocators;

/// <summary>
/// The checks every allocator must pass with real clients. Each test uses its own region of the shared disk
/// (or its own server), so the tests of a class do not see each other's data.
/// </summary>
public abstract class AllocatorTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AllocatorServerFixture
{
    private const long MiB = 1L << 20;

    private NbdServer Server => fixture.Server;

    [Fact]
    public async Task Core_reads_writes_zero_trim_flush_fua_cache_and_block_status() =>
        await PythonScripts.AssertPassesAsync(Server, "core_io.py", fixture.Allocator, (0 * MiB).ToString());

    [Fact]
    public async Task Many_requests_in_flight_and_several_connections_see_one_image() =>
        await PythonScripts.AssertPassesAsync(Server, "in_flight.py", (16 * MiB).ToString());

    [Fact]
    public async Task Nbdinfo_reports_size_and_every_capability()
    {
        var export = await NbdInfo.ExportAsync(Server.Uri);
        Assert.Equal(fixture.Size, export.GetProperty("export-size").GetInt64());
        NbdInfo.AssertFlags(export, new Dictionary<string, bool>
        {
            ["is_read_only"] = false,
            ["is_rotational"] = false,
            ["can_cache"] = true,
            ["can_df"] = true,
            ["can_fast_zero"] = true,
            ["can_flush"] = true,
            ["can_fua"] = true,
            ["can_multi_conn"] = true,
            ["can_trim"] = true,
            ["can_zero"] = true,
        });
        Assert.Contains("base:allocation", export.GetProperty("contexts").EnumerateArray().Select(c => c.GetString()));
    }
}
