using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace ClusterRamDisk.Silo.Configuration;

/// <summary>
/// Where the cluster is and which one it is: shared by silos and gateways. Read from configuration keys
/// <c>Redis</c>, <c>ClusterId</c>, <c>ServiceId</c> (environment variables <c>CLUSTERRAMDISK_REDIS</c> and so on).
/// </summary>
public sealed record ClusterSettings
{
    public const string EnvironmentPrefix = "CLUSTERRAMDISK_";
    public const string DefaultRedis = "127.0.0.1:6379";
    public const string DefaultId = "clusterramdisk";

    public string Redis { get; init; } = DefaultRedis;
    public string ClusterId { get; init; } = DefaultId;
    public string ServiceId { get; init; } = DefaultId;

    public static ClusterSettings From(IConfiguration configuration) => configuration.Get<ClusterSettings>() ?? new ClusterSettings();

    /// <summary>True when configuration names a Redis server: a gateway then joins that cluster instead of hosting its own silo.</summary>
    public static bool IsNamedIn(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[nameof(Redis)]);

    /// <summary>Names the cluster the same way on silos and clients, or they never meet.</summary>
    public void ApplyTo(ClusterOptions options)
    {
        options.ClusterId = ClusterId;
        options.ServiceId = ServiceId;
    }
}
