namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>
/// The cluster settings given on the command line; each one given overrides its environment variable
/// (<c>CLUSTERRAMDISK_REDIS</c>, <c>CLUSTERRAMDISK_CLUSTERID</c>, <c>CLUSTERRAMDISK_SERVICEID</c>).
/// With no Redis address from either, the gateway hosts its own silo.
/// </summary>
public sealed record ClusterConnection(string? Redis = null, string? ClusterId = null, string? ServiceId = null)
{
    /// <summary>The given settings as configuration keys (those of ClusterRamDisk.Silo.Configuration.ClusterSettings).</summary>
    public IEnumerable<KeyValuePair<string, string?>> AsConfiguration()
    {
        if (Redis is not null)
            yield return new("Redis", Redis);
        if (ClusterId is not null)
            yield return new("ClusterId", ClusterId);
        if (ServiceId is not null)
            yield return new("ServiceId", ServiceId);
    }
}
