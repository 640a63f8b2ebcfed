using System.Buffers;
using ClusterRamDisk.Grains.Memory;
using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Gateway.Hosting;
using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.PageStores;
using ClusterRamDisk.Tests.Common;
using ClusterRamDisk.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterRamDisk.Tests.Disk;

/// <summary>A gateway in the silo's process reaches active directories directly; what it sees must match the grain calls.</summary>
public sealed class LocalDirectoryAccessTests : IAsyncLifetime
{
    private const long DirectorySize = DiskGeometry.DirectorySize;
    private RamDiskTestCluster _silo = null!;

    public async Task InitializeAsync() => _silo = await RamDiskTestCluster.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    /// <summary>The test silo's active directories, which a disk opened with them serves without grain calls.</summary>
    private LocalDirectories LocalDirectories => _silo.Cluster.Silos[0].ServiceProvider.GetRequiredService<LocalDirectories>();

    [Theory]
    [InlineData(AllocatorKind.Sparse)]
    [InlineData(AllocatorKind.Malloc)]
    [InlineData(AllocatorKind.Zstd)]
    public async Task Direct_and_grain_access_see_the_same_disk(AllocatorKind allocator)
    {
        var settings = new ExportSettings($"local-{allocator}", 3 * DirectorySize, allocator, Mlock: false);
        var direct = await ExportOpener.OpenAsync(_silo.Grains, settings, default, LocalDirectories);
        var viaGrains = await ExportOpener.OpenAsync(_silo.Grains, settings, default);
        var offset = DirectorySize - 50_000;

        var first = Pattern(120_000, seed: 1);
        await direct.WriteAsync(offset, first, default);
        Assert.NotNull(LocalDirectories.Find(ExportKey.Of(settings.Name), 1));
        Assert.Equal(first, await ReadAllAsync(viaGrains, offset, first.Length));

        var second = Pattern(70_000, seed: 2);
        await viaGrains.WriteAsync(offset + 10_000, second, default);
        var expected = first.ToArray();
        second.CopyTo(expected, 10_000);
        Assert.Equal(expected, await ReadAllAsync(direct, offset, expected.Length));

        await direct.ZeroAsync(offset, first.Length, default);
        Assert.Equal(new byte[first.Length], await ReadAllAsync(viaGrains, offset, first.Length));
        Assert.Equal(await viaGrains.GetExtentsAsync(0, 3 * DirectorySize, default), await direct.GetExtentsAsync(0, 3 * DirectorySize, default));
    }

    [Theory]
    [InlineData(AllocatorKind.Sparse)]
    [InlineData(AllocatorKind.Zstd)]
    public async Task Data_in_several_buffers_is_stored_at_once_only_where_its_directories_are_here(AllocatorKind allocator)
    {
        var settings = new ExportSettings($"now-{allocator}", 3 * DirectorySize, allocator, Mlock: false);
        var disk = await ExportOpener.OpenAsync(_silo.Grains, settings, default, LocalDirectories);
        var data = Pattern(3 * DiskGeometry.PageSize, seed: 5);
        // Buffer boundaries inside pages, as received data has them.
        var buffers = SegmentedSequence.Split(data, 1000, 41_000, 41_010);

        Assert.False(disk.TryWriteNow(DirectorySize - 5000, buffers));
        Assert.Empty(await _silo.Grains.GetGrain<IExportGrain>(ExportKey.Of(settings.Name)).GetDirectories(0, 3));

        await disk.WriteAsync(DirectorySize, new byte[1], default);
        Assert.True(disk.TryWriteNow(DirectorySize + 5000, buffers));
        Assert.Equal(data, await ReadAllAsync(disk, DirectorySize + 5000, data.Length));
        // One directory here, the next one not created yet: the caller must write it all the usual way.
        Assert.False(disk.TryWriteNow(2 * DirectorySize - 5000, buffers));
    }

    [Fact]
    public void Withdrawn_memory_refuses_direct_callers_so_they_fall_back_to_the_grain()
    {
        using var store = PageStoreFactory.Create(AllocatorKind.Sparse, mlock: false, 4 * DiskGeometry.PageSize);
        var memory = DirectoryMemory.ForNewStore(store, new SiloMemoryLedger(long.MaxValue));
        var directories = new LocalDirectories();
        directories.Add("export", 0, memory);
        var access = new LocalDirectoryAccess(directories, "export");
        var piece = new DirectoryPiece(0, 0, 512, 0);
        Assert.True(access.TryWrite(piece, new ReadOnlySequence<byte>(Pattern(512, seed: 3))));

        memory.Withdraw();

        Assert.False(access.TryWrite(piece, new ReadOnlySequence<byte>(Pattern(512, seed: 4))));
        Assert.False(access.TryRead(piece, new byte[512], out _));
        Assert.False(access.TryZero(piece));
        Assert.False(access.TryGetExtents(piece, []));
        directories.Remove("export", 0, memory);
        Assert.Null(directories.Find("export", 0));
    }

    private static async Task<byte[]> ReadAllAsync(IBlockDevice disk, long offset, int length)
    {
        var result = await disk.ReadAsync(offset, length, default);
        var bytes = new byte[length];
        foreach (var segment in result.Segments)
            segment.Data.CopyTo(bytes.AsMemory((int)(segment.Offset - offset)));
        Assert.Equal(length, result.Segments.Sum(segment => segment.Length));
        result.Release();
        return bytes;
    }

    private static byte[] Pattern(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
