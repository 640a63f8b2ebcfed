using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>Refuses, at start-up, a disk whose allocator claims all of its memory when that memory does not exist here.</summary>
internal static class MemoryAdmission
{
    public static void EnsureFits(ExportSettings settings)
    {
        if (settings.Allocator != AllocatorKind.Malloc)
            return;
        // The GC's figure is physical memory, or the container's limit when there is one.
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (settings.Size > available)
            throw new GatewayStartupException(
                $"allocator=malloc needs the whole disk in memory: size={settings.Size} does not fit in the {available} bytes of memory available");
    }
}
