using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Memory;
using ClusterRamDisk.Grains.Placement;
using ClusterRamDisk.Silo.Configuration;
using ClusterRamDisk.Silo.Placement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace ClusterRamDisk.Silo.Hosting;

/// <summary>The silo settings a RAM disk needs, shared by the embedded silo, standalone silos and gateways that join as silos.</summary>
public static class RamDiskSiloBuilderExtensions
{
    /// <summary>Configuration section whose keys override <see cref="GrainCollectionOptions"/> (tests shorten the collection age with it).</summary>
    public const string GrainCollectionSection = "Orleans:GrainCollection";

    private const int MaxDirectoryMessageBytes = 2 * DiskGeometry.DirectorySize;

    /// <summary>Everything a silo that holds directories needs: what every member shares, plus the directories' memory.</summary>
    public static ISiloBuilder AddRamDisk(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<GrainCollectionOptions>()
            .Bind(configuration.GetSection(GrainCollectionSection))
            // Shedding would deactivate directory grains, and with them the only copy of their pages.
            .PostConfigure(options => options.EnableActivationSheddingOnMemoryPressure = false);

        // Lets a gateway in this process reach the pages of directories active here without grain messaging.
        silo.Services.AddSingleton<LocalDirectories>();

        // Every directory's pages are charged to this silo's budget.
        silo.Services.AddSingleton(new SiloMemoryLedger(MemoryBudget.From(configuration)));
        return silo.AddRamDiskMemberSettings();
    }

    /// <summary>
    /// What every member of a RAM disk cluster must share, including a gateway that joins as a silo holding no data:
    /// the kind of grain directory, the placement of new grains (decided by the calling silo) and the message size.
    /// </summary>
    public static ISiloBuilder AddRamDiskMemberSettings(this ISiloBuilder silo)
    {
        // The default directory deactivates grains on surviving silos when any silo leaves (see orleans-notes.md).
#pragma warning disable ORLEANSEXP003
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003

        // New directories go where most budget is left.
        silo.AddPlacementDirector<MostFreeMemoryPlacement, MostFreeMemoryPlacementDirector>();
        silo.AddPlacementDirector<SiloKeyedPlacement, SiloKeyedPlacementDirector>();

        // A directory moving to another silo travels as one message of up to 128 MiB of pages (plus page indices).
        silo.Configure<SiloMessagingOptions>(options => options.MaxMessageBodySize = Math.Max(options.MaxMessageBodySize, MaxDirectoryMessageBytes));
        return silo;
    }
}
