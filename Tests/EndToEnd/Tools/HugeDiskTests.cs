using ClusterRamDisk.Tests.EndToEnd.Fixtures;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Tools;

public sealed class HugeDiskTests(HugeDiskFixture fixture) : IClassFixture<HugeDiskFixture>
{
    [Fact]
    public async Task Nbdinfo_reports_two_to_the_63_minus_one_bytes()
    {
        var export = await NbdInfo.ExportAsync(fixture.Server.Uri);
        Assert.Equal(HugeDiskFixture.Size, export.GetProperty("export-size").GetInt64());
    }

    [Fact]
    public async Task The_last_511_bytes_round_trip_and_beyond_is_refused() =>
        await PythonScripts.AssertPassesAsync(fixture.Server, "huge_disk.py");
}
