using Microsoft.Extensions.Hosting;
using ClusterRamDisk.Grains.Exports;
using ClusterRamDisk.Silo.Configuration;
using ClusterRamDisk.Silo.Draining;
using StackExchange.Redis;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace ClusterRamDisk.Silo.Hosting;

/// <summary>A standalone silo: membership in Redis, reachable by other silos and by gateways at its advertised address.</summary>
public static class ClusteredSiloBuilderExtensions
{
    public static ISiloBuilder UseClusteredRamDiskSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var endpoints = SiloSettings.From(configuration);
        silo.JoinRamDiskCluster(configuration, PortOrFree(endpoints.SiloPort), PortOrFree(endpoints.GatewayPort));
        // The export record must outlive any one silo: it is what tells a lost directory from a never-written one.
        var redis = ClusterSettings.From(configuration).Redis;
        silo.AddRedisGrainStorage(ExportStorage.Name, options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        return silo.AddRamDisk(configuration).AddDirectoryDraining();
    }

    /// <summary>Membership in the cluster Redis names, listening on the advertised address only.</summary>
    /// <param name="gatewayPort">Where Orleans clients (the status command) connect; 0 for none.</param>
    internal static ISiloBuilder JoinRamDiskCluster(this ISiloBuilder silo, IConfiguration configuration, int siloPort, int gatewayPort)
    {
        var cluster = ClusterSettings.From(configuration);
        var address = SiloSettings.From(configuration).ParseAdvertisedAddress();
        silo.UseRedisClustering(cluster.Redis);
        silo.Configure<ClusterOptions>(cluster.ApplyTo);
        // Listening on the advertised address only keeps every silo of a test on loopback.
        silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: false);
        return silo;
    }

    private static int PortOrFree(int port) => port == 0 ? FreePort.Find() : port;
}
