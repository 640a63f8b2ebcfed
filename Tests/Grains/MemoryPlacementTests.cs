using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Gateway.Hosting;
using ClusterRamDisk.Gateway.Status;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Silo.Configuration;

namespace ClusterRamDisk.Tests.Grains;

/// <summary>Three in-process silos with small budgets: directories spread by free memory, and a full cluster refuses writes.</summary>
public sealed class MemoryPlacementTests : IAsyncLifetime
{
    private const int Chunk = 1 << 20;
    private const int BudgetChunksPerSilo = 4;
    private RamDiskTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await RamDiskTestCluster.StartAsync(
            new Dictionary<string, string?> { [MemoryBudget.Key] = $"{BudgetChunksPerSilo}M" }, silos: 3);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task New_directories_go_to_the_silo_with_the_most_budget_left()
    {
        var disk = await OpenAsync("spread", AllocatorKind.Sparse);
        for (var directory = 0; directory < 6; directory++)
            await disk.WriteAsync(DiskGeometry.DirectoryStart(directory), DiskContent.Random(Chunk, directory), default);

        var reports = await ClusterStatus.ReadAsync(_cluster.Grains);
        Assert.Equal(3, reports.Length);
        Assert.All(reports, report =>
        {
            Assert.Equal(2, report.Directories);
            Assert.Equal(2L * Chunk, report.StoredBytes);
            Assert.Equal((BudgetChunksPerSilo - 2L) * Chunk, report.FreeBytes);
        });
    }

    [Fact]
    public async Task Writes_beyond_every_budget_fail_with_no_space_while_stored_data_stays_readable_and_writable()
    {
        var disk = await OpenAsync("full", AllocatorKind.Sparse);
        var stored = 0;
        DiskException? refusal = null;
        for (var directory = 0; directory < 3 * BudgetChunksPerSilo + 2 && refusal is null; directory++)
        {
            try
            {
                await disk.WriteAsync(DiskGeometry.DirectoryStart(directory), DiskContent.Random(Chunk, directory), default);
                stored++;
            }
            catch (DiskException exception)
            {
                refusal = exception;
            }
        }

        Assert.Equal(3 * BudgetChunksPerSilo, stored);
        Assert.Equal(DiskError.NoSpace, refusal?.Error);
        for (var directory = 0; directory < stored; directory++)
            Assert.Equal(DiskContent.Random(Chunk, directory), await DiskContent.ReadAsync(disk, DiskGeometry.DirectoryStart(directory), Chunk));

        // Stored pages are overwritten in place, and trimming gives memory back for new data.
        await disk.WriteAsync(0, DiskContent.Random(Chunk, 100), default);
        Assert.Equal(DiskContent.Random(Chunk, 100), await DiskContent.ReadAsync(disk, 0, Chunk));
        await disk.ZeroAsync(DiskGeometry.DirectoryStart(1), Chunk, default);
        await disk.WriteAsync(DiskGeometry.DirectoryStart(1) + Chunk, DiskContent.Random(Chunk, 101), default);
        Assert.Equal(DiskContent.Random(Chunk, 101), await DiskContent.ReadAsync(disk, DiskGeometry.DirectoryStart(1) + Chunk, Chunk));
    }

    [Fact]
    public async Task A_malloc_directory_larger_than_any_budget_is_refused_when_created()
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => OpenAsync("malloc", AllocatorKind.Malloc));
        Assert.Contains("no memory left", exception.Message);
    }

    private async Task<GrainBackedDisk> OpenAsync(string name, AllocatorKind allocator) =>
        await ExportOpener.OpenAsync(_cluster.Grains, new ExportSettings(name, 1L << 32, allocator, Mlock: false), default);
}
