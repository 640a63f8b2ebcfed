using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Silo.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace ClusterRamDisk.Silo.Hosting;

/// <summary>
/// A gateway joining the cluster as a silo that holds no data: it calls directories straight from its own silo, a hop
/// fewer than an Orleans client going through a gateway silo, and hosts none of the disk's grains, so placement never
/// picks it and it can come and go without taking data with it.
/// </summary>
public static class GatewaySiloBuilderExtensions
{
    public static ISiloBuilder UseGatewayRamDiskSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        // Other silos find it through Redis: any free port will do. No client gateway: clients use the data silos'.
        silo.JoinRamDiskCluster(configuration, FreePort.Find(), gatewayPort: 0);
        // A silo only offers the grain classes listed here (after the defaults are filled in, hence Post): without the
        // disk's, none of them is ever placed on it.
        silo.Services.PostConfigure<GrainTypeOptions>(options => options.Classes.RemoveWhere(IsRamDiskGrain));
        silo.Services.AddSingleton<DataSilos>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DataSiloWait>();
        return silo.AddRamDiskMemberSettings();
    }

    private static bool IsRamDiskGrain(Type grainClass) => grainClass.Assembly == typeof(DirectoryGrain).Assembly;
}
