using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Gateway.Hosting;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Tests.Grains;

namespace ClusterRamDisk.Tests.Disk;

/// <summary>The disk as gateways see it, over real grains in an in-process silo.</summary>
public sealed class GrainBackedDiskTests : IAsyncLifetime
{
    private const long DirectorySize = DiskGeometry.DirectorySize;
    private RamDiskTestCluster _silo = null!;

    public async Task InitializeAsync() => _silo = await RamDiskTestCluster.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_write_across_a_directory_boundary_reads_back_and_creates_both_directories()
    {
        var disk = await OpenAsync("boundary", 4 * DirectorySize, AllocatorKind.Sparse);
        var data = Pattern(300_000, seed: 1);
        var offset = DirectorySize - 100_000;
        await disk.WriteAsync(offset, data, default);

        Assert.Equal(data, await ReadAllAsync(disk, offset, data.Length));
        Assert.Equal(new long[] { 0, 1 }, await Export("boundary").GetDirectories(0, 4));
    }

    [Fact]
    public async Task Never_written_ranges_are_holes_without_creating_directories()
    {
        var disk = await OpenAsync("holes", 4 * DirectorySize, AllocatorKind.Sparse);
        var result = await disk.ReadAsync(DirectorySize - 10, 20, default);

        Assert.All(result.Segments, segment => Assert.True(segment.IsHole));
        Assert.Equal(20, result.Segments.Sum(segment => segment.Length));
        var extents = await disk.GetExtentsAsync(0, 4 * DirectorySize, default);
        Assert.Equal([new Extent(0, 4 * DirectorySize, ExtentFlags.Hole | ExtentFlags.Zero)], extents);
        Assert.Empty(await Export("holes").GetDirectories(0, 4));
    }

    [Fact]
    public async Task Extents_merge_across_directories_and_zeroing_frees_pages()
    {
        var disk = await OpenAsync("extents", 3 * DirectorySize, AllocatorKind.Sparse);
        var page = DiskGeometry.PageSize;
        await disk.WriteAsync(DirectorySize - page, Pattern(2 * page, seed: 2), default);

        var extents = await disk.GetExtentsAsync(0, 3 * DirectorySize, default);
        Assert.Equal(
            [
                new Extent(0, DirectorySize - page, ExtentFlags.Hole | ExtentFlags.Zero),
                new Extent(DirectorySize - page, 2 * page, ExtentFlags.Data),
                new Extent(DirectorySize + page, 2 * DirectorySize - page, ExtentFlags.Hole | ExtentFlags.Zero),
            ],
            extents);

        await disk.ZeroAsync(DirectorySize - page, 2 * page, default);
        Assert.Equal([new Extent(0, 3 * DirectorySize, ExtentFlags.Hole | ExtentFlags.Zero)], await disk.GetExtentsAsync(0, 3 * DirectorySize, default));
        Assert.Equal(new byte[2 * page], await ReadAllAsync(disk, DirectorySize - page, 2 * page));
    }

    [Fact]
    public async Task A_second_gateway_sees_directories_the_first_created()
    {
        var settings = new ExportSettings("shared", 2 * DirectorySize, AllocatorKind.Zstd, Mlock: false);
        var first = await ExportOpener.OpenAsync(_silo.Grains, settings, default);
        var second = await ExportOpener.OpenAsync(_silo.Grains, settings, default);
        // The second gateway looks before the first writes, so it must not cache the absence.
        Assert.True((await second.ReadAsync(DirectorySize + 5, 10, default)).Segments.All(segment => segment.IsHole));

        var data = Pattern(4096, seed: 3);
        await first.WriteAsync(DirectorySize + 5, data, default);

        Assert.Equal(data, await ReadAllAsync(second, DirectorySize + 5, data.Length));
    }

    [Fact]
    public async Task An_export_reopened_with_other_settings_is_refused()
    {
        await OpenAsync("fixed", DirectorySize, AllocatorKind.Sparse);
        var exception = await Assert.ThrowsAsync<ExportMismatchException>(() =>
            ExportOpener.OpenAsync(_silo.Grains, new ExportSettings("fixed", 2 * DirectorySize, AllocatorKind.Sparse, Mlock: false), default));
        Assert.Contains("size=134217728", exception.Message);
    }

    [Fact]
    public async Task Malloc_creates_every_directory_at_open_including_a_short_last_one()
    {
        var size = 2 * DirectorySize + 4096 + 511;
        var disk = await OpenAsync("malloc", size, AllocatorKind.Malloc);
        Assert.Equal(new long[] { 0, 1, 2 }, await Export("malloc").GetDirectories(0, 10));

        var tail = Pattern(511, seed: 4);
        await disk.WriteAsync(size - 511, tail, default);
        Assert.Equal(tail, await ReadAllAsync(disk, size - 511, 511));
        // Malloc reports per page; the short last directory is one partial page, no longer all zero.
        Assert.Equal(
            [new Extent(2 * DirectorySize, 4096 + 511, ExtentFlags.Data)],
            await disk.GetExtentsAsync(2 * DirectorySize, 4096 + 511, default));
        Assert.Equal(
            [new Extent(0, 2 * DirectorySize, ExtentFlags.Zero)],
            await disk.GetExtentsAsync(0, 2 * DirectorySize, default));
    }

    [Fact]
    public async Task The_last_bytes_of_the_largest_disk_work()
    {
        var disk = await OpenAsync("largest", DiskGeometry.MaxDiskSize, AllocatorKind.Sparse);
        var tail = Pattern(511, seed: 5);
        await disk.WriteAsync(long.MaxValue - 511, tail, default);

        Assert.Equal(tail, await ReadAllAsync(disk, long.MaxValue - 511, 511));
        Assert.Equal(new long[] { DiskGeometry.DirectoryIndex(long.MaxValue) }, await Export("largest").GetDirectories(0, long.MaxValue));
    }

    private async Task<GrainBackedDisk> OpenAsync(string name, long size, AllocatorKind allocator) =>
        await ExportOpener.OpenAsync(_silo.Grains, new ExportSettings(name, size, allocator, Mlock: false), default);

    private IExportGrain Export(string name) => _silo.Grains.GetGrain<IExportGrain>(ExportKey.Of(name));

    private static async Task<byte[]> ReadAllAsync(IBlockDevice disk, long offset, int length)
    {
        var result = await disk.ReadAsync(offset, length, default);
        var bytes = new byte[length];
        foreach (var segment in result.Segments)
        {
            Assert.Equal(segment.IsHole ? 0 : segment.Length, segment.Data.Length);
            segment.Data.CopyTo(bytes.AsMemory((int)(segment.Offset - offset)));
        }
        Assert.Equal(length, result.Segments.Sum(segment => segment.Length));
        return bytes;
    }

    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
