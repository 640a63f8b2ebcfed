using ClusterRamDisk.Silo.Hosting;
using ClusterRamDisk.Tests.Cluster.Infrastructure;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClusterRamDisk.Tests.Cluster;

/// <summary>
/// Real processes: gateways join the cluster as silos, yet hold nothing. Asked for every activation in the cluster, no
/// grain of the disk runs on a gateway, not even once every budget is full; and with every gateway killed, a new one
/// reads the whole image back.
/// </summary>
public sealed class GatewaySiloTests
{
    private const long MiB = 1L << 20;
    private const long ImageBytes = 320 * MiB;
    private const int SiloCount = 3;
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task No_directory_or_export_record_is_ever_placed_on_a_gateway()
    {
        using var work = new TemporaryDirectory();
        var source = work.PathOf("source.img");
        await ImageTools.CreateRandomImageAsync(source, ImageBytes, seed: 17);

        await using var cluster = await LocalCluster.StartAsync(SiloCount, "160M");
        var first = await cluster.StartGatewayAsync("1G");
        var second = await cluster.StartGatewayAsync("1G");
        await ImageTools.RunSuccessfullyAsync("nbdcopy", source, first.Uri);
        // Beyond every silo's budget: placement still has to choose a silo for each new directory.
        var overflow = await ImageTools.RunAsync("qemu-io", "-f", "raw", "-c", "write -P 0xcd 512M 300M", second.Uri);
        Assert.Contains("No space left on device", overflow.Stdout + overflow.Stderr);

        var (members, hostsOfDiskGrains, diskGrainTypes) = await InspectActivationsAsync(cluster.Redis.Address);
        Assert.Equal(SiloCount + cluster.Gateways.Count, members);
        Assert.Equal(SiloCount, hostsOfDiskGrains);
        Assert.Contains(diskGrainTypes, type => type.StartsWith("ClusterRamDisk.Grains.Directories.DirectoryGrain", StringComparison.Ordinal));
        Assert.Contains(diskGrainTypes, type => type.StartsWith("ClusterRamDisk.Grains.Exports.ExportGrain", StringComparison.Ordinal));

        await KillAsync(first);
        await KillAsync(second);
        var third = await cluster.StartGatewayAsync("1G");
        var copy = work.PathOf("copy.img");
        await ImageTools.RunSuccessfullyAsync("nbdcopy", third.Uri, copy);
        await ImageTools.RunSuccessfullyAsync("cmp", "-n", $"{ImageBytes}", source, copy);
        await third.StopAsync();
    }

    /// <returns>How many silos are members, how many of them run grains of the disk, and the types of those grains.</returns>
    private static async Task<(int Members, int HostsOfDiskGrains, HashSet<string> DiskGrainTypes)> InspectActivationsAsync(string redis)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection([new("Redis", redis)]);
        builder.UseOrleansClient(client => client.UseRamDiskCluster(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        var management = host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
        var members = await management.GetHosts(onlyActive: true);
        var diskGrains = (await management.GetDetailedGrainStatistics())
            .Where(activation => activation.GrainType.StartsWith("ClusterRamDisk.", StringComparison.Ordinal))
            .ToList();
        await host.StopAsync();
        return (members.Count, diskGrains.Select(activation => activation.SiloAddress).Distinct().Count(),
            diskGrains.Select(activation => activation.GrainType).ToHashSet());
    }

    private static async Task KillAsync(NbdServer gateway)
    {
        Signals.Send(int.Parse(await File.ReadAllTextAsync(gateway.PidFile)), Signals.SigKill);
        await gateway.WaitForExitAsync(ToolTimeout);
    }
}
