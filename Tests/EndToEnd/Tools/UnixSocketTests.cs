using ClusterRamDisk.Tests.EndToEnd.Fixtures;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Tools;

public sealed class UnixSocketTests(UnixSocketFixture fixture) : IClassFixture<UnixSocketFixture>
{
    private NbdServer Server => fixture.Server;

    [Fact]
    public async Task Nbdinfo_and_nbdsh_work_over_the_unix_socket()
    {
        Assert.StartsWith("nbd+unix:", Server.Uri);
        var export = await NbdInfo.ExportAsync(Server.Uri);
        Assert.Equal(UnixSocketFixture.Size, export.GetProperty("export-size").GetInt64());
        (await ToolRunner.RunAsync("nbdsh", "-u", Server.Uri, "-c",
            "h.pwrite(b'over unix', 4097); assert h.pread(9, 4097) == b'over unix'")).AssertSuccess();
    }

    [Fact]
    public async Task Core_script_passes_over_the_unix_socket() =>
        await PythonScripts.AssertPassesAsync(Server, "core_io.py", "sparse", (4L << 20).ToString());
}
