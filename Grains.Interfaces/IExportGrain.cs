namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>
/// The cluster's record of one export, keyed by export name: its settings, and which directories exist,
/// so that a read of a never-written range needs no directory grain at all, and a directory that comes back
/// empty after its silo died is known to be lost. The record outlives the silo that holds it (grain storage).
/// </summary>
public interface IExportGrain : IGrainWithStringKey
{
    /// <summary>The first caller fixes the settings; a later caller with different ones is refused.</summary>
    ValueTask<ExportSettings> Open(ExportSettings settings);

    ValueTask<ExportSettings> GetSettings();

    /// <summary>
    /// Records that a directory has been created; a directory calls it when it activates without pages handed over.
    /// True when the directory was created before: its earlier pages, if any, are then lost.
    /// </summary>
    ValueTask<bool> RegisterDirectory(long directoryIndex);

    /// <summary>The created directories with indices in [first, first + count), ascending.</summary>
    ValueTask<long[]> GetDirectories(long first, long count);
}
