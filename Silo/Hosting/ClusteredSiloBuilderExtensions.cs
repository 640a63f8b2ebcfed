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
        var cluster = ClusterSettings.From(configuration);
        var endpoints = SiloSettings.From(configuration);
        var address = endpoints.ParseAdvertisedAddress();
        silo.UseRedisClustering(cluster.Redis);
        silo.Configure<ClusterOptions>(cluster.ApplyTo);
        // Listening on the advertised address only keeps every silo of a test on loopback.
        silo.ConfigureEndpoints(address, PortOrFree(endpoints.SiloPort), PortOrFree(endpoints.GatewayPort), listenOnAnyHostAddress: false);
        // The export record must outlive any one silo: it is what tells a lost directory from a never-written one.
        silo.AddRedisGrainStorage(ExportStorage.Name, options => options.ConfigurationOptions = ConfigurationOptions.Parse(cluster.Redis));
        return silo.AddRamDisk(configuration).AddDirectoryDraining();
    }

    private static int PortOrFree(int port) => port == 0 ? FreePort.Find() : port;
}
