using ClusterRamDisk.Grains.Interfaces;
using Orleans.Placement;

namespace ClusterRamDisk.Grains.Exports;

/// <summary>
/// The cluster's record of one export: the settings every gateway must share, and the set of directories
/// created so far. Like the directories, it lives only in memory and must never be collected.
/// </summary>
[KeepAlive]
[Immovable]
public sealed class ExportGrain : Grain, IExportGrain
{
    private readonly SortedSet<long> _directories = [];
    private ExportSettings? _settings;

    public ValueTask<ExportSettings> Open(ExportSettings settings)
    {
        if (_settings is null)
            _settings = settings;
        else if (_settings != settings)
            throw new ExportMismatchException(
                $"export '{_settings.Name}' is already served as size={_settings.Size} allocator={_settings.AllocatorDisplay}; " +
                $"refusing size={settings.Size} allocator={settings.AllocatorDisplay}");
        return ValueTask.FromResult(_settings);
    }

    public ValueTask<ExportSettings> GetSettings() =>
        ValueTask.FromResult(_settings ?? throw new InvalidOperationException($"{this.GetPrimaryKeyString()} has not been opened"));

    public ValueTask RegisterDirectory(long directoryIndex)
    {
        _directories.Add(directoryIndex);
        return ValueTask.CompletedTask;
    }

    public ValueTask<long[]> GetDirectories(long first, long count)
    {
        if (count <= 0 || _directories.Count == 0)
            return ValueTask.FromResult(Array.Empty<long>());
        return ValueTask.FromResult(_directories.GetViewBetween(first, first + (count - 1)).ToArray());
    }
}
