using ClusterRamDisk.Tests.EndToEnd.Fixtures;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Protocol;

/// <summary>The -r option: advertised read-only, writes refused with EPERM, reads served.</summary>
public sealed class ReadOnlyTests(ReadOnlyServerFixture fixture) : IClassFixture<ReadOnlyServerFixture>
{
    private NbdServer Server => fixture.Server;

    [Fact]
    public async Task Nbdinfo_shows_a_read_only_export()
    {
        var export = await NbdInfo.ExportAsync(Server.Uri);
        Assert.Equal(ReadOnlyServerFixture.Size, export.GetProperty("export-size").GetInt64());
        NbdInfo.AssertFlags(export, new Dictionary<string, bool>
        {
            ["is_read_only"] = true,
            ["can_fua"] = false,
            ["can_trim"] = false,
            ["can_zero"] = false,
            ["can_fast_zero"] = false,
            ["can_flush"] = true,
            ["can_multi_conn"] = true,
        });
    }

    [Fact]
    public async Task Writes_fail_with_EPERM() =>
        await PythonScripts.AssertPassesAsync(Server, "readonly_errors.py");

    [Fact]
    public async Task Qemu_io_refuses_to_open_for_writing_and_reads_zeros()
    {
        // qemu sees the read-only flag and refuses a writable open with "Permission denied".
        var write = await ToolRunner.RunAsync("qemu-io", "-f", "raw", "-c", "write -P 0xab 0 64k", Server.Uri);
        Assert.True(write.ExitCode != 0 && write.Stderr.Contains("Permission denied"),
            $"qemu-io could open a read-only export for writing:\n{write.Describe()}");
        (await ToolRunner.RunAsync("qemu-io", "-r", "-f", "raw", "-c", "read -P 0 0 64k", Server.Uri)).AssertSuccess();
    }
}
