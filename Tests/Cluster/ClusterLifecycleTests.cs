using System.Diagnostics;
using ClusterRamDisk.Tests.Cluster.Infrastructure;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;
using Xunit.Abstractions;

namespace ClusterRamDisk.Tests.Cluster;

/// <summary>
/// Real processes at full size: Redis, three silos with a 1 GiB budget each and a gateway serving a 4 GiB disk. A 2.5 GiB
/// image fills them all; the next GiB gets ENOSPC; a silo stopped with SIGTERM while the others are full keeps serving,
/// then hands everything over once room appears (a fourth silo joins), and the image reads back identical; the silo
/// that joined takes the next new directory; a silo killed with SIGKILL takes its directories with it, and reads of
/// exactly those fail with EIO while the rest reads fine.
/// </summary>
public sealed class ClusterLifecycleTests(ITestOutputHelper output)
{
    private const long MiB = 1L << 20;
    private const long DirectoryBytes = 128 * MiB;
    private const long ImageBytes = 2560 * MiB;
    private const long OverflowBytes = 1024 * MiB;
    private const long LateOffset = ImageBytes + OverflowBytes;
    private const string SiloBudget = "1G";

    [Fact]
    public async Task Three_1GiB_silos_hold_a_2_5GiB_image_refuse_the_next_GiB_hand_over_on_SIGTERM_once_there_is_room_and_fail_with_EIO_after_SIGKILL()
    {
        using var work = new TemporaryDirectory();
        var source = work.PathOf("source.img");
        await ImageTools.CreateRandomImageAsync(source, ImageBytes, seed: 5);

        await using var cluster = await LocalCluster.StartAsync(siloCount: 3, SiloBudget);
        var gateway = await cluster.StartGatewayAsync("4G");
        var clock = Stopwatch.StartNew();
        await ImageTools.RunSuccessfullyAsync("nbdcopy", source, gateway.Uri);
        output.WriteLine($"nbdcopy {ImageBytes} bytes in: {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        await AssertImageAsync(gateway, source, work);
        output.WriteLine($"nbdcopy out and cmp: {clock.Elapsed.TotalSeconds:F1} s");

        var filled = await StatusAsync(cluster, "after the image");
        Assert.Equal(3, filled.Count);
        Assert.All(filled, silo => Assert.InRange(silo.Directories, 1, 8));
        Assert.Equal(ImageBytes, filled.Sum(silo => silo.StoredBytes));

        // 3 GiB of budget in all: the next GiB does not fit, and the silos stay within their budgets.
        var overflow = await ImageTools.RunAsync("qemu-io", "-f", "raw", "-c", $"write -P 0xcd {ImageBytes} {OverflowBytes}", gateway.Uri);
        Assert.Contains("No space left on device", overflow.Stdout + overflow.Stderr);
        var full = await StatusAsync(cluster, "after ENOSPC");
        Assert.All(full, silo =>
        {
            Assert.InRange(silo.StoredBytes, 0, silo.BudgetBytes);
            Assert.True(silo.FreeBytes < DirectoryBytes, $"{silo.Silo} still had room for a directory when the write was refused");
        });

        // A silo told to stop while no other silo has room says so and keeps serving what it holds.
        var leaving = cluster.Silos[0];
        var handedOver = full.Single(silo => silo.Silo == leaving.Address);
        leaving.Signal(Signals.SigTerm);
        await leaving.WaitForLogAsync("no other silo has room");
        await AssertImageAsync(gateway, source, work);
        Assert.False(leaving.HasExited, leaving.Describe());

        // Room appears: trimming the overflow gives memory back and a fourth silo joins. The stopping silo hands
        // everything over, then exits.
        await ImageTools.RunSuccessfullyAsync("qemu-io", "-f", "raw", "-c", $"discard {ImageBytes} {OverflowBytes}", gateway.Uri);
        var joined = await cluster.AddSiloAsync(SiloBudget);
        clock.Restart();
        await leaving.WaitForExitAsync(cleanly: true);
        output.WriteLine($"SIGTERM: the silo handed {handedOver.Directories} directories over and exited 0 {clock.Elapsed.TotalSeconds:F1} s after a silo joined");
        var remaining = await StatusAsync(cluster, "after SIGTERM");
        Assert.Equal(3, remaining.Count);
        Assert.Equal(full.Sum(silo => silo.Directories), remaining.Sum(silo => silo.Directories));
        Assert.Equal(ImageBytes, remaining.Sum(silo => silo.StoredBytes));
        await AssertImageAsync(gateway, source, work);

        // The silo that joined has the most room left, so it takes the next new directory.
        var newcomer = remaining.Single(silo => silo.Silo == joined.Address);
        await ImageTools.RunSuccessfullyAsync("qemu-io", "-f", "raw", "-c", $"write -P 0xef {LateOffset} {DirectoryBytes}", gateway.Uri);
        var grown = await StatusAsync(cluster, "after 128 MiB more");
        Assert.Equal(newcomer.Directories + 1, grown.Single(silo => silo.Silo == joined.Address).Directories);
        Assert.Equal(newcomer.StoredBytes + DirectoryBytes, grown.Single(silo => silo.Silo == joined.Address).StoredBytes);

        var killed = cluster.Silos[1];
        var lost = grown.Single(silo => silo.Silo == killed.Address);
        await killed.StopAsync(Signals.SigKill);
        // The overflow write stopped at the first directory that found no room, so the directories created are the
        // first ones in a row, and the late one.
        var created = Enumerable.Range(0, full.Sum(silo => silo.Directories)).Select(index => index * DirectoryBytes).Append(LateOffset);
        var failed = 0;
        foreach (var offset in created)
        {
            var read = await ImageTools.RunAsync("qemu-io", "-f", "raw", "-c", $"read {offset} 1M", gateway.Uri);
            if ((read.Stdout + read.Stderr).Contains("Input/output error"))
                failed++;
            else
                await AssertPieceAsync(gateway, source, work, offset);
        }
        output.WriteLine($"SIGKILL: {failed} directories failed with EIO; the killed silo held {lost.Directories}");
        Assert.Equal(lost.Directories, failed);

        // Never written: zeroes, whatever died. If the dead silo held the export record, such requests fail with EIO
        // until the record is back from Redis on another silo; never zeroes in place of data.
        for (var attempt = 1; ; attempt++)
        {
            var unwritten = await ImageTools.RunAsync("qemu-io", "-f", "raw", "-c", $"read -P 0 {LateOffset - DirectoryBytes} 1M", gateway.Uri);
            Assert.DoesNotContain("Pattern verification failed", unwritten.Stdout);
            if (unwritten.ExitCode == 0)
                break;
            Assert.True(attempt < 30, unwritten.Describe());
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        gateway.AssertAlive();
        await gateway.StopAsync();
    }

    private async Task<IReadOnlyList<StatusRow>> StatusAsync(LocalCluster cluster, string moment)
    {
        var status = await cluster.ReadStatusAsync();
        output.WriteLine($"{moment}: " + string.Join("; ", status.Select(silo =>
            $"{silo.Silo}: {silo.Directories} directories, {silo.StoredBytes / MiB} MiB stored, {silo.FreeBytes / MiB} MiB free")));
        return status;
    }

    private static async Task AssertImageAsync(NbdServer gateway, string source, TemporaryDirectory work)
    {
        var copy = work.PathOf("copy.img");
        await ImageTools.RunSuccessfullyAsync("nbdcopy", gateway.Uri, copy);
        await ImageTools.RunSuccessfullyAsync("cmp", "-n", $"{ImageBytes}", source, copy);
        File.Delete(copy);
    }

    /// <summary>The first MiB of the directory at <paramref name="offset"/> holds what was written there: the image, the trimmed overflow's zeroes, or the late pattern.</summary>
    private static async Task AssertPieceAsync(NbdServer gateway, string source, TemporaryDirectory work, long offset)
    {
        if (offset >= ImageBytes)
        {
            var pattern = offset == LateOffset ? "0xef" : "0";
            await ImageTools.RunSuccessfullyAsync("qemu-io", "-f", "raw", "-c", $"read -P {pattern} {offset} 1M", gateway.Uri);
            return;
        }
        var piece = work.PathOf("piece.img");
        await ImageTools.RunSuccessfullyAsync("nbdcopy", "--", "[", ClientTools.Require("nbdkit"), "--filter=offset", "nbd", $"uri={gateway.Uri}", $"offset={offset}", $"range={MiB}", "]", piece);
        await ImageTools.RunSuccessfullyAsync("cmp", "-i", $"{offset}:0", "-n", $"{MiB}", source, piece);
    }
}
