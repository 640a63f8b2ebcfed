using System.Collections.Concurrent;

namespace ClusterRamDisk.Grains.Directories;

/// <summary>
/// The directories active in this silo process, by export key and index, so that a gateway hosted in the same process
/// reaches their pages without grain messaging (which costs thread hops and a message per call). Directories active in
/// other silos are absent: for them callers go through the grain as always.
/// </summary>
public sealed class LocalDirectories
{
    private readonly ConcurrentDictionary<(string ExportKey, long Index), DirectoryMemory> _active = new();

    /// <summary>The directory's memory while it is active in this process; null otherwise.</summary>
    public DirectoryMemory? Find(string exportKey, long index) => _active.GetValueOrDefault((exportKey, index));

    /// <summary>How many directories are active here and the memory their pages take, as stored and before compression.</summary>
    public (int Count, long StoredBytes, long LogicalBytes) Totals()
    {
        int count = 0;
        long stored = 0, logical = 0;
        foreach (var memory in _active.Values)
        {
            try
            {
                var usage = memory.Usage;
                count++;
                stored += usage.StoredBytes;
                logical += usage.LogicalBytes;
            }
            catch (ObjectDisposedException)
            {
                // Deactivating right now: no longer held here.
            }
        }
        return (count, stored, logical);
    }

    /// <summary>The directories active here right now, for handing them over when the silo stops.</summary>
    public IReadOnlyList<(string ExportKey, long Index, DirectoryMemory Memory)> Snapshot() =>
        _active.Select(entry => (entry.Key.ExportKey, entry.Key.Index, entry.Value)).ToList();

    internal void Add(string exportKey, long index, DirectoryMemory memory) => _active[(exportKey, index)] = memory;

    internal void Remove(string exportKey, long index, DirectoryMemory memory) =>
        _active.TryRemove(KeyValuePair.Create((exportKey, index), memory));
}
