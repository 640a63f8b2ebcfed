using ClusterRamDisk.Tests.Cluster.Infrastructure;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.Cluster;

/// <summary>
/// Real processes: Redis, three silos with 160 MiB of budget each, and two gateways serving one 1 GiB disk.
/// A 320 MiB random image spans three 128 MiB directories, so placement by free budget gives each silo one.
/// (The full-size scenario of three 1 GiB silos is <see cref="ClusterLifecycleTests"/>.)
/// </summary>
public sealed class ClusterTests
{
    private const long MiB = 1L << 20;
    private const long ImageBytes = 320 * MiB;
    private const string SiloBudget = "160M";
    private const string DiskSize = "1G";

    [Fact]
    public async Task Three_silos_share_an_image_two_gateways_see_it_and_writes_beyond_the_budget_get_ENOSPC()
    {
        using var work = new TemporaryDirectory();
        var source = work.PathOf("source.img");
        await ImageTools.CreateRandomImageAsync(source, ImageBytes, seed: 11);

        await using var cluster = await LocalCluster.StartAsync(siloCount: 3, SiloBudget);
        var first = await cluster.StartGatewayAsync(DiskSize);
        var second = await cluster.StartGatewayAsync(DiskSize);

        // nbdcopy's connections start all three directories at the same moment, when every silo reports the same free
        // budget: placement must still give each silo one, as each has room for only one.
        await ImageTools.RunSuccessfullyAsync("nbdcopy", source, first.Uri);
        await AssertImageAsync(first, source, work.PathOf("through-first.img"));
        await AssertImageAsync(second, source, work.PathOf("through-second.img"));

        var status = await cluster.ReadStatusAsync();
        Assert.Equal(3, status.Count);
        Assert.All(status, silo =>
        {
            Assert.Equal(1, silo.Directories);
            Assert.InRange(silo.StoredBytes, 64 * MiB, 128 * MiB);
            Assert.Equal(silo.StoredBytes, silo.LogicalBytes);
            Assert.Equal(160 * MiB, silo.BudgetBytes);
            Assert.Equal(silo.BudgetBytes - silo.StoredBytes, silo.FreeBytes);
        });
        Assert.Equal(ImageBytes, status.Sum(silo => silo.StoredBytes));

        // The disk's size and allocator are recorded in the cluster: a gateway that disagrees is refused.
        var mismatched = await ServerUnderTest.RunToExitAsync("--redis", cluster.Redis.Address, "-U", "-", "--run", "true", "memory", "size=2G");
        Assert.Equal(1, mismatched.ExitCode);
        Assert.Contains($"refusing size={2L << 30} allocator=sparse", mismatched.Stderr);

        // A write and flush through one gateway is read back through the other.
        await ImageTools.RunSuccessfullyAsync("qemu-io", "-f", "raw", "-c", "write -P 0xab 0 1M", "-c", "flush", second.Uri);
        var readBack = await ImageTools.RunAsync("qemu-io", "-f", "raw", "-c", "read -P 0xab 0 1M", first.Uri);
        Assert.True(readBack.ExitCode == 0 && !readBack.Stdout.Contains("Pattern verification failed"), readBack.Describe());

        // 480 MiB of budget in all, 320 MiB used: 300 MiB more cannot fit.
        var overflow = await ImageTools.RunAsync("qemu-io", "-f", "raw", "-c", "write -P 0xcd 512M 300M", second.Uri);
        Assert.Contains("No space left on device", overflow.Stdout + overflow.Stderr);

        // What was stored stays intact and every process stays up.
        await ImageTools.RunSuccessfullyAsync("qemu-io", "-f", "raw", "-c", "read -P 0xab 0 1M", first.Uri);
        var afterOverflow = work.PathOf("after-overflow.img");
        await ImageTools.RunSuccessfullyAsync("nbdcopy", first.Uri, afterOverflow);
        await ImageTools.RunSuccessfullyAsync("cmp", "-i", $"{MiB}", "-n", $"{ImageBytes - MiB}", source, afterOverflow);
        Assert.All(cluster.Silos, silo => Assert.False(silo.HasExited, silo.Describe()));
        first.AssertAlive();
        second.AssertAlive();

        await second.StopAsync();
        await first.StopAsync();
    }

    private static async Task AssertImageAsync(NbdServer gateway, string source, string copy)
    {
        await ImageTools.RunSuccessfullyAsync("nbdcopy", gateway.Uri, copy);
        await ImageTools.RunSuccessfullyAsync("cmp", "-n", $"{ImageBytes}", source, copy);
    }
}
