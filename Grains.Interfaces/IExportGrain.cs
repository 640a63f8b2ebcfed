namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>
/// The cluster's record of one export, keyed by export name: its settings, and which directories exist,
/// so that a read of a never-written range needs no directory grain at all.
/// </summary>
public interface IExportGrain : IGrainWithStringKey
{
    /// <summary>The first caller fixes the settings; a later caller with different ones is refused.</summary>
    ValueTask<ExportSettings> Open(ExportSettings settings);

    ValueTask<ExportSettings> GetSettings();

    /// <summary>Records that a directory has been created (idempotent).</summary>
    ValueTask RegisterDirectory(long directoryIndex);

    /// <summary>The created directories with indices in [first, first + count), ascending.</summary>
    ValueTask<long[]> GetDirectories(long first, long count);
}
