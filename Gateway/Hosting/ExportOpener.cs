using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>Joins (or first defines) an export in the cluster and returns the disk that serves it.</summary>
public static class ExportOpener
{
    /// <param name="localDirectories">This process's active directories when it hosts a silo (see <see cref="GrainBackedDisk"/>).</param>
    public static async Task<GrainBackedDisk> OpenAsync(IGrainFactory grains, ExportSettings settings, CancellationToken cancellationToken,
        LocalDirectories? localDirectories = null)
    {
        await grains.GetGrain<IExportGrain>(ExportKey.Of(settings.Name)).Open(settings);
        var disk = new GrainBackedDisk(grains, settings, localDirectories);
        // Without sparseness the memory is claimed now, so that a disk that cannot be held fails here, not at the first write.
        if (settings.Allocator == AllocatorKind.Malloc)
            await disk.CreateAllDirectoriesAsync(cancellationToken);
        return disk;
    }
}
