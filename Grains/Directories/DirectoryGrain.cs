using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Memory;
using ClusterRamDisk.Grains.Placement;
using ClusterRamDisk.Grains.PageStores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Placement;

namespace ClusterRamDisk.Grains.Directories;

/// <summary>
/// One 128 MiB directory of an export, holding its pages in memory with the export's allocator.
/// Its pages exist nowhere else, so it must never be collected, shed or rebalanced away; it moves only when its silo
/// stops, carrying its pages along (<see cref="IGrainMigrationParticipant"/>). A directory that activates without its
/// pages although it was created before has lost them with a dead silo: it then fails every call instead of reading as zeroes.
/// </summary>
[KeepAlive]
[Immovable]
[MostFreeMemoryPlacement]
public sealed class DirectoryGrain(ILogger<DirectoryGrain> logger)
    : Grain, IDirectoryGrain, IGrainMigrationParticipant, IDisposable
{
    private const string ImageKey = "pages";

    // Set by OnRehydrate when the directory arrives from another silo, else created at activation.
    private IPageStore? _store;
    private ExportSettings _settings = null!;
    private DirectoryMemory? _memory;
    private string? _lostReason;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var index = this.GetPrimaryKeyLong(out var exportKey);
        var export = GrainFactory.GetGrain<IExportGrain>(exportKey!);
        _settings = await export.GetSettings();
        var ledger = ServiceProvider.GetRequiredService<SiloMemoryLedger>();
        if (_store is not null)
        {
            _memory = DirectoryMemory.ForHandedOverStore(_store, ledger);
            if (ledger.UsedBytes > ledger.BudgetBytes)
                logger.LogWarning("directory {Index} of {Export} arrived with {Bytes} bytes and takes this silo over its budget ({Used} of {Budget} bytes)",
                    index, exportKey, _store.Usage.StoredBytes, ledger.UsedBytes, ledger.BudgetBytes);
        }
        else if (await export.RegisterDirectory(index))
        {
            _lostReason = $"directory {index} of {exportKey} was lost: its silo died (or stopped) without handing it over";
            logger.LogError("{Reason}; every request on it fails with EIO", _lostReason);
            return;
        }
        else
        {
            _store = PageStoreFactory.Create(_settings.Allocator, _settings.Mlock, DiskGeometry.DirectoryCapacity(_settings.Size, index));
            _memory = DirectoryMemory.ForNewStore(_store, ledger);
        }
        ServiceProvider.GetRequiredService<LocalDirectories>().Add(exportKey!, index, _memory);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Stop direct callers; the pages themselves stay until Dispose, after a move has carried them off.
        if (_memory is not null)
        {
            var index = this.GetPrimaryKeyLong(out var exportKey);
            ServiceProvider.GetRequiredService<LocalDirectories>().Remove(exportKey!, index, _memory);
            _memory.Withdraw();
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _store?.Dispose();

    public void OnDehydrate(IDehydrationContext context)
    {
        // A lost directory has nothing to carry: where it lands it is found lost again.
        if (_store is null)
            return;
        context.AddBytes(ImageKey, static (state, writer) => DirectoryImage.Write(state.Store, state.Settings.Allocator, state.Settings.Mlock, writer),
            (Store: _store, Settings: _settings));
        logger.LogInformation("directory {Directory} leaves with {Bytes} bytes of pages", this.GetGrainId(), _store.Usage.StoredBytes);
    }

    public void OnRehydrate(IRehydrationContext context)
    {
        if (context.TryGetBytes(ImageKey, out var image))
            _store = DirectoryImage.Read(image);
    }

    public ValueTask<DirectoryReadResult> Read(int offset, int length)
    {
        var extents = new List<Extent>();
        var data = Memory.Read(offset, length, extents);
        return ValueTask.FromResult(new DirectoryReadResult(extents.ToArray(), data));
    }

    public ValueTask Write(int offset, ReadOnlyMemory<byte> data)
    {
        Memory.Write(offset, data.Span);
        return ValueTask.CompletedTask;
    }

    public ValueTask Zero(int offset, int length)
    {
        Memory.Zero(offset, length);
        return ValueTask.CompletedTask;
    }

    public ValueTask<Extent[]> GetExtents(int offset, int length)
    {
        var extents = new List<Extent>();
        Memory.GetExtents(offset, length, extents);
        return ValueTask.FromResult(extents.ToArray());
    }

    public ValueTask<DirectoryUsage> GetUsage() => ValueTask.FromResult(Memory.Usage);

    private DirectoryMemory Memory => _memory ?? throw new DirectoryLostException(_lostReason!);
}
