using Microsoft.Extensions.Hosting;
using ClusterRamDisk.Silo.Configuration;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace ClusterRamDisk.Silo.Hosting;

/// <summary>The status command reaching the cluster's silos as an Orleans client, through Redis membership.</summary>
public static class ClusterClientBuilderExtensions
{
    public static IClientBuilder UseRamDiskCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = ClusterSettings.From(configuration);
        client.UseRedisClustering(cluster.Redis);
        client.Configure<ClusterOptions>(cluster.ApplyTo);
        return client;
    }
}
