using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Memory;
using ClusterRamDisk.Grains.Placement;
using ClusterRamDisk.Grains.PageStores;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;

namespace ClusterRamDisk.Grains.Directories;

/// <summary>
/// One 128 MiB directory of an export, holding its pages in memory with the export's allocator.
/// Its pages exist nowhere else, so it must never be collected, shed or rebalanced away.
/// </summary>
[KeepAlive]
[Immovable]
[MostFreeMemoryPlacement]
public sealed class DirectoryGrain : Grain, IDirectoryGrain
{
    private IPageStore _store = null!;
    private DirectoryMemory _memory = null!;
    private LocalDirectories _localDirectories = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var index = this.GetPrimaryKeyLong(out var exportKey);
        var settings = await GrainFactory.GetGrain<IExportGrain>(exportKey!).GetSettings();
        _store = PageStoreFactory.Create(settings.Allocator, settings.Mlock, DiskGeometry.DirectoryCapacity(settings.Size, index));
        try
        {
            _memory = new DirectoryMemory(_store, ServiceProvider.GetRequiredService<SiloMemoryLedger>());
        }
        catch (DiskFullException)
        {
            _store.Dispose();
            _store = null!;
            throw;
        }
        _localDirectories = ServiceProvider.GetRequiredService<LocalDirectories>();
        _localDirectories.Add(exportKey!, index, _memory);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_memory is not null)
        {
            var index = this.GetPrimaryKeyLong(out var exportKey);
            _localDirectories.Remove(exportKey!, index, _memory);
            _memory.Withdraw();
        }
        _store?.Dispose();
        return Task.CompletedTask;
    }

    public ValueTask<DirectoryReadResult> Read(int offset, int length)
    {
        var extents = new List<Extent>();
        var data = _memory.Read(offset, length, extents);
        return ValueTask.FromResult(new DirectoryReadResult(extents.ToArray(), data));
    }

    public ValueTask Write(int offset, ReadOnlyMemory<byte> data)
    {
        _memory.Write(offset, data.Span);
        return ValueTask.CompletedTask;
    }

    public ValueTask Zero(int offset, int length)
    {
        _memory.Zero(offset, length);
        return ValueTask.CompletedTask;
    }

    public ValueTask<Extent[]> GetExtents(int offset, int length)
    {
        var extents = new List<Extent>();
        _memory.GetExtents(offset, length, extents);
        return ValueTask.FromResult(extents.ToArray());
    }

    public ValueTask<DirectoryUsage> GetUsage() => ValueTask.FromResult(_memory.Usage);
}
