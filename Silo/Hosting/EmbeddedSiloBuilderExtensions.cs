using ClusterRamDisk.Grains.Exports;
using Microsoft.Extensions.Configuration;

namespace ClusterRamDisk.Silo.Hosting;

/// <summary>The single-process default: the gateway hosts its own silo, reachable by nobody else.</summary>
public static class EmbeddedSiloBuilderExtensions
{
    public static ISiloBuilder UseEmbeddedRamDiskSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Gateway port 0 disables the client gateway: in-process calls need none. The silo port must still be
        // bindable, so several embedded disks on one host each take a free one.
        silo.UseLocalhostClustering(siloPort: FreePort.Find(), gatewayPort: 0);
        // One process: the export record lives and dies with it, like the disk.
        silo.AddMemoryGrainStorage(ExportStorage.Name);
        return silo.AddRamDisk(configuration);
    }
}
