using System.Text.Json;
using ClusterRamDisk.Tests.EndToEnd.Fixtures;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Tools;

public sealed class QemuTests(SmallDiskFixture fixture) : IClassFixture<SmallDiskFixture>
{
    private const long MiB = 1L << 20;

    private NbdServer Server => fixture.Server;

    [Fact]
    public async Task Qemu_io_pattern_writes_read_back()
    {
        var result = await ToolRunner.RunAsync("qemu-io", "-f", "raw",
            "-c", "write -P 0xab 0 1M", "-c", "read -P 0xab 0 1M",
            "-c", "write -P 0xcd 1000 3333", "-c", "read -P 0xcd 1000 3333", "-c", "read -P 0xab 0 1000",
            "-c", "read -P 0 2M 1M", Server.Uri);
        result.AssertSuccess();
        Assert.DoesNotContain("Pattern verification failed", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Qemu_img_map_shows_data_between_holes()
    {
        (await ToolRunner.RunAsync("qemu-io", "-f", "raw", "-c", "write -P 0x11 8M 1M", Server.Uri)).AssertSuccess();
        var map = (await ToolRunner.RunAsync("qemu-img", "map", "-f", "raw", "--output=json", Server.Uri))
            .AssertSuccess();
        var entries = JsonDocument.Parse(map.Stdout).RootElement.EnumerateArray()
            .Select(e => (Start: e.GetProperty("start").GetInt64(), Length: e.GetProperty("length").GetInt64(),
                Data: e.GetProperty("data").GetBoolean(), Zero: e.GetProperty("zero").GetBoolean()))
            .ToList();

        var written = Assert.Single(entries, e => e.Start <= 8 * MiB && 8 * MiB < e.Start + e.Length);
        Assert.True(written is { Data: true, Zero: false } && written.Start + written.Length >= 9 * MiB,
            $"8M..9M is not mapped as data: {map.Stdout}");
        var after = Assert.Single(entries, e => e.Start <= 10 * MiB && 10 * MiB < e.Start + e.Length);
        Assert.True(after is { Data: false, Zero: true }, $"10M is not mapped as a zero hole: {map.Stdout}");
        var before = Assert.Single(entries, e => e.Start <= 6 * MiB && 6 * MiB < e.Start + e.Length);
        Assert.True(before is { Data: false, Zero: true }, $"6M is not mapped as a zero hole: {map.Stdout}");
    }
}
