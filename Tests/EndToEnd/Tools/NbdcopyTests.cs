using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Tools;

/// <summary>
/// A deterministic image (half random data, half zero runs, from nbdkit's seeded sparse-random plugin) is
/// copied into a fresh disk and back out with nbdcopy, then compared byte for byte with cmp.
/// </summary>
public sealed class NbdcopyTests
{
    private static readonly TimeSpan CopyTimeout = TimeSpan.FromMinutes(3);

    [Theory]
    [InlineData("sparse", 1L << 30)]
    [InlineData("malloc", 256L << 20)]
    [InlineData("zstd", 256L << 20)]
    public async Task Image_copied_in_and_out_is_identical(string allocator, long size)
    {
        using var work = new TemporaryDirectory();
        var source = work.PathOf("source.img");
        var copy = work.PathOf("copy.img");
        await RunAsync("nbdcopy", "--", "[", ClientTools.Require("nbdkit"), "sparse-random", $"size={size}",
            "seed=7", "percent=50", "]", source);

        await using var server = await NbdServer.StartAsync(ServerLaunch.Memory(size.ToString(), allocator));
        await RunAsync("nbdcopy", source, server.Uri);
        await RunAsync("nbdcopy", server.Uri, copy);
        await RunAsync("cmp", source, copy);
        await server.StopAsync();
    }

    private static async Task RunAsync(string tool, params string[] arguments) =>
        (await ToolRunner.RunAsync(tool, arguments, CopyTimeout)).AssertSuccess();
}
