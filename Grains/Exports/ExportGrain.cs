using ClusterRamDisk.Grains.Interfaces;
using Orleans.Placement;

namespace ClusterRamDisk.Grains.Exports;

/// <summary>
/// The cluster's record of one export: the settings every gateway must share, and the set of directories
/// created so far. Kept in grain storage, so a silo that dies does not take this knowledge with it.
/// </summary>
[KeepAlive]
[Immovable]
public sealed class ExportGrain(
    [PersistentState("export", ExportStorage.Name)] IPersistentState<ExportRecord> record) : Grain, IExportGrain
{
    public async ValueTask<ExportSettings> Open(ExportSettings settings)
    {
        var current = record.State.Settings;
        if (current is null)
        {
            record.State.Settings = settings;
            await record.WriteStateAsync();
            return settings;
        }
        if (current != settings)
            throw new ExportMismatchException(
                $"export '{current.Name}' is already served as size={current.Size} allocator={current.AllocatorDisplay}; " +
                $"refusing size={settings.Size} allocator={settings.AllocatorDisplay}");
        return current;
    }

    public ValueTask<ExportSettings> GetSettings() =>
        ValueTask.FromResult(record.State.Settings ?? throw new InvalidOperationException($"{this.GetPrimaryKeyString()} has not been opened"));

    public async ValueTask<bool> RegisterDirectory(long directoryIndex)
    {
        if (!record.State.Directories.Add(directoryIndex))
            return true;
        await record.WriteStateAsync();
        return false;
    }

    public ValueTask<long[]> GetDirectories(long first, long count)
    {
        var directories = record.State.Directories;
        if (count <= 0 || directories.Count == 0)
            return ValueTask.FromResult(Array.Empty<long>());
        return ValueTask.FromResult(directories.GetViewBetween(first, first + (count - 1)).ToArray());
    }
}
