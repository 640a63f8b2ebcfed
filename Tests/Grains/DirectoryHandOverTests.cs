using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Gateway.Hosting;
using ClusterRamDisk.Gateway.Status;
using ClusterRamDisk.Grains.Interfaces;
using Orleans.TestingHost;

namespace ClusterRamDisk.Tests.Grains;

/// <summary>
/// Three in-process silos: a silo told to stop hands its directories over with every byte (one of them a full 128 MiB).
/// A silo that dies is tested with real processes (Tests/Cluster): the in-memory transport does not die like a process;
/// a directory lost in-process is <see cref="LostDirectoryTests"/>.
/// </summary>
public sealed class DirectoryHandOverTests : IAsyncLifetime
{
    private const int Chunk = 1 << 20;
    private RamDiskTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await RamDiskTestCluster.StartAsync(silos: 3);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_stopping_silo_hands_every_directory_over_pages_and_all()
    {
        var disk = await OpenAsync("handover");
        var full = DiskContent.Random(DiskGeometry.DirectorySize, 99);
        // In NBD-sized pieces: no request carries more than 32 MiB.
        for (var offset = 0; offset < full.Length; offset += 32 << 20)
            await disk.WriteAsync(offset, full.AsMemory(offset, 32 << 20), default);
        for (var directory = 1; directory < 9; directory++)
            await disk.WriteAsync(DiskGeometry.DirectoryStart(directory) + directory * 4096, DiskContent.Random(Chunk, directory), default);

        var leaving = await BusiestSiloAsync();
        await _cluster.Cluster.StopSiloAsync(leaving);

        Assert.Equal(full, await DiskContent.ReadAsync(disk, 0, full.Length));
        for (var directory = 1; directory < 9; directory++)
            Assert.Equal(DiskContent.Random(Chunk, directory), await DiskContent.ReadAsync(disk, DiskGeometry.DirectoryStart(directory) + directory * 4096, Chunk));
        var reports = await ClusterStatus.ReadAsync(_cluster.Grains);
        Assert.Equal(2, reports.Length);
        Assert.Equal(9, reports.Sum(report => report.Directories));
    }

    private async Task<InProcessSiloHandle> BusiestSiloAsync()
    {
        var reports = await ClusterStatus.ReadAsync(_cluster.Grains);
        var busiest = reports.MaxBy(report => report.StoredBytes)!;
        return _cluster.Cluster.Silos.Single(silo => silo.SiloAddress.ToParsableString() == busiest.Silo);
    }

    private async Task<GrainBackedDisk> OpenAsync(string name) =>
        await ExportOpener.OpenAsync(_cluster.Grains, new ExportSettings(name, 1L << 32, AllocatorKind.Sparse, Mlock: false), default);
}
