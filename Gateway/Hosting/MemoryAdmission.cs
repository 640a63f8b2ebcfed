using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>Refuses, at start-up, a disk whose allocator claims all of its memory when the silo's budget cannot hold it.</summary>
internal static class MemoryAdmission
{
    public static void EnsureFits(ExportSettings settings, long budgetBytes)
    {
        if (settings.Allocator != AllocatorKind.Malloc)
            return;
        if (settings.Size > budgetBytes)
            throw new GatewayStartupException(
                $"allocator=malloc needs the whole disk in memory: size={settings.Size} does not fit in the memory budget of {budgetBytes} bytes " +
                "(80% of the memory available unless CLUSTERRAMDISK_MEMORYLIMIT says otherwise)");
    }
}
