using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.PageStores;
using Orleans.Placement;

namespace ClusterRamDisk.Grains.Directories;

/// <summary>
/// One 128 MiB directory of an export, holding its pages in memory with the export's allocator.
/// Its pages exist nowhere else, so it must never be collected, shed or rebalanced away.
/// </summary>
[KeepAlive]
[Immovable]
public sealed class DirectoryGrain : Grain, IDirectoryGrain
{
    private IPageStore _store = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var index = this.GetPrimaryKeyLong(out var exportKey);
        var settings = await GrainFactory.GetGrain<IExportGrain>(exportKey!).GetSettings();
        _store = PageStoreFactory.Create(settings.Allocator, settings.Mlock, DiskGeometry.DirectoryCapacity(settings.Size, index));
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _store?.Dispose();
        return Task.CompletedTask;
    }

    public ValueTask<DirectoryReadResult> Read(int offset, int length)
    {
        CheckRange(offset, length);
        var extents = new List<Extent>();
        _store.GetExtents(offset, length, extents);

        var dataLength = 0L;
        foreach (var extent in extents)
            if (!extent.Flags.HasFlag(ExtentFlags.Hole))
                dataLength += extent.Length;

        var data = dataLength == 0 ? [] : GC.AllocateUninitializedArray<byte>((int)dataLength);
        var position = 0;
        foreach (var extent in extents)
        {
            if (extent.Flags.HasFlag(ExtentFlags.Hole))
                continue;
            _store.Read((int)extent.Offset, data.AsSpan(position, (int)extent.Length));
            position += (int)extent.Length;
        }
        return ValueTask.FromResult(new DirectoryReadResult(extents.ToArray(), data));
    }

    public ValueTask Write(int offset, ReadOnlyMemory<byte> data)
    {
        CheckRange(offset, data.Length);
        _store.Write(offset, data.Span);
        return ValueTask.CompletedTask;
    }

    public ValueTask Zero(int offset, int length)
    {
        CheckRange(offset, length);
        _store.Zero(offset, length);
        return ValueTask.CompletedTask;
    }

    public ValueTask<Extent[]> GetExtents(int offset, int length)
    {
        CheckRange(offset, length);
        var extents = new List<Extent>();
        _store.GetExtents(offset, length, extents);
        return ValueTask.FromResult(extents.ToArray());
    }

    public ValueTask<DirectoryUsage> GetUsage() => ValueTask.FromResult(_store.Usage);

    private void CheckRange(int offset, int length)
    {
        // The gateway splits and checks requests; a range outside the directory is a bug worth failing loudly on.
        if (offset < 0 || length < 0 || (long)offset + length > _store.Capacity)
            throw new ArgumentOutOfRangeException(nameof(offset), $"range {offset}+{length} is outside directory of {_store.Capacity} bytes");
    }
}
