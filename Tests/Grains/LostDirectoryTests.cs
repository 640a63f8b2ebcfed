using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Gateway.Hosting;
using ClusterRamDisk.Gateway.Status;
using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using ClusterRamDisk.Silo.Configuration;

namespace ClusterRamDisk.Tests.Grains;

/// <summary>
/// Three in-process silos with 4 MiB budgets each, one 3 MiB directory on each: a silo that stops finds no room for its
/// directory anywhere and (in tests, without waiting) loses it. The directory comes back empty on another silo, and it
/// must say so, with EIO on every request, instead of reading as zeroes. (Real crashes: Tests/Cluster, with kill -9.)
/// </summary>
public sealed class LostDirectoryTests : IAsyncLifetime
{
    private const int Chunk = 1 << 20;
    private const int ChunksPerDirectory = 3;
    private const string ExportName = "lost";
    private RamDiskTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await RamDiskTestCluster.StartAsync(new Dictionary<string, string?> { [MemoryBudget.Key] = "4M" }, silos: 3);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_directory_whose_pages_were_lost_fails_every_request_with_EIO_while_the_others_read_fine()
    {
        var disk = await ExportOpener.OpenAsync(_cluster.Grains, new ExportSettings(ExportName, 1L << 32, AllocatorKind.Sparse, Mlock: false), default);
        for (var directory = 0; directory < 3; directory++)
            for (var chunk = 0; chunk < ChunksPerDirectory; chunk++)
                await disk.WriteAsync(OffsetOf(directory, chunk), Pattern(directory, chunk), default);
        var reports = await ClusterStatus.ReadAsync(_cluster.Grains);
        Assert.All(reports, report => Assert.Equal(1, report.Directories));

        var holder = _cluster.Cluster.Silos.Single(silo =>
            _cluster.Cluster.GetSiloServiceProvider(silo.SiloAddress).GetRequiredService<LocalDirectories>().Find(ExportKey.Of(ExportName), 0) is not null);
        await _cluster.Cluster.StopSiloAsync(holder);

        Assert.Equal(DiskError.IoError, (await Assert.ThrowsAsync<DiskException>(async () => await disk.ReadAsync(OffsetOf(0, 0), Chunk, default))).Error);
        Assert.Equal(DiskError.IoError, (await Assert.ThrowsAsync<DiskException>(async () => await disk.WriteAsync(OffsetOf(0, 0), Pattern(0, 0), default))).Error);
        for (var directory = 1; directory < 3; directory++)
            for (var chunk = 0; chunk < ChunksPerDirectory; chunk++)
                Assert.Equal(Pattern(directory, chunk), await DiskContent.ReadAsync(disk, OffsetOf(directory, chunk), Chunk));
    }

    private static long OffsetOf(int directory, int chunk) => DiskGeometry.DirectoryStart(directory) + (long)chunk * Chunk;

    private static byte[] Pattern(int directory, int chunk) => DiskContent.Random(Chunk, directory * 100 + chunk);
}
