using System.Diagnostics;
using ClusterRamDisk.Tests.Cluster.Infrastructure;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace ClusterRamDisk.Tests.Cluster;

/// <summary>
/// Real processes: a silo stopped with SIGTERM hands its directory over and the image reads back identical; a silo
/// killed with SIGKILL takes its directories with it, and reads of them fail with EIO while the rest reads fine.
/// </summary>
public sealed class SiloDepartureTests(ITestOutputHelper output)
{
    private const long MiB = 1L << 20;
    private const long DirectoryBytes = 128 * MiB;
    private const long ImageBytes = 3 * DirectoryBytes;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_stopped_silo_loses_nothing_and_a_killed_one_fails_its_directories_with_EIO()
    {
        using var work = new TemporaryDirectory();
        var source = work.PathOf("source.img");
        await RunAsync("nbdcopy", "--", "[", ClientTools.Require("nbdkit"), "random", $"size={ImageBytes}", "seed=5", "]", source);

        await using var cluster = await LocalCluster.StartAsync(siloCount: 3, "400M");
        var gateway = await cluster.StartGatewayAsync("1G");
        await RunAsync("nbdcopy", "--connections=1", source, gateway.Uri);
        Assert.All(await cluster.ReadStatusAsync(), silo => Assert.Equal(1, silo.Directories));

        var draining = Stopwatch.StartNew();
        await cluster.Silos[0].StopAsync(Signals.SigTerm);
        output.WriteLine($"SIGTERM: the silo handed {DirectoryBytes} bytes over and exited in {draining.Elapsed.TotalSeconds:F1} s");
        var remaining = await cluster.ReadStatusAsync();
        Assert.Equal(2, remaining.Count);
        Assert.Equal(3, remaining.Sum(silo => silo.Directories));
        var copy = work.PathOf("after-sigterm.img");
        await RunAsync("nbdcopy", gateway.Uri, copy);
        await RunAsync("cmp", "-n", $"{ImageBytes}", source, copy);

        await cluster.Silos[1].StopAsync(Signals.SigKill);
        var failed = 0;
        for (var directory = 0; directory < 3; directory++)
        {
            var offset = directory * DirectoryBytes;
            var read = await ToolRunner.RunAsync("qemu-io", ["-f", "raw", "-c", $"read {offset} 1M", gateway.Uri], ToolTimeout);
            if ((read.Stdout + read.Stderr).Contains("Input/output error"))
                failed++;
            else
                await RunAsync("cmp", "-i", $"{offset}:0", "-n", $"{MiB}", source, await ReadToFileAsync(gateway, work, offset));
        }
        Assert.Contains(failed, remaining.Select(silo => silo.Directories));
        // Never written: still zeroes, whatever died. If the dead silo held the export record, requests fail with EIO
        // until the record is back from Redis on another silo; zeroes come only once it is.
        for (var attempt = 1; ; attempt++)
        {
            var unwritten = await ToolRunner.RunAsync("qemu-io", ["-f", "raw", "-c", "read -P 0 512M 1M", gateway.Uri], ToolTimeout);
            Assert.DoesNotContain("Pattern verification failed", unwritten.Stdout);
            if (unwritten.ExitCode == 0)
                break;
            Assert.True(attempt < 30, unwritten.Describe());
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        gateway.AssertAlive();
        await gateway.StopAsync();
    }

    private static async Task<string> ReadToFileAsync(NbdServer gateway, TemporaryDirectory work, long offset)
    {
        var file = work.PathOf($"piece-{offset}.img");
        await RunAsync("nbdcopy", "--", "[", ClientTools.Require("nbdkit"), "--filter=offset", "nbd", $"uri={gateway.Uri}", $"offset={offset}", $"range={MiB}", "]", file);
        return file;
    }

    private static async Task RunAsync(string tool, params string[] arguments) =>
        (await ToolRunner.RunAsync(tool, arguments, ToolTimeout)).AssertSuccess();
}
