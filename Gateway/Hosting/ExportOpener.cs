using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>Joins (or first defines) an export in the cluster and returns the disk that serves it.</summary>
public static class ExportOpener
{
    public static async Task<GrainBackedDisk> OpenAsync(IGrainFactory grains, ExportSettings settings, CancellationToken cancellationToken)
    {
        await grains.GetGrain<IExportGrain>(ExportKey.Of(settings.Name)).Open(settings);
        var disk = new GrainBackedDisk(grains, settings);
        // Without sparseness the memory is claimed now, so that a disk that cannot be held fails here, not at the first write.
        if (settings.Allocator == AllocatorKind.Malloc)
            await disk.CreateAllDirectoriesAsync(cancellationToken);
        return disk;
    }
}
