using System.Net;
using Microsoft.Extensions.Configuration;

namespace ClusterRamDisk.Silo.Configuration;

/// <summary>Where a standalone silo listens and what it tells the others; ports of 0 pick free ones.</summary>
public sealed record SiloSettings
{
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;

    /// <summary>The address other silos and clients reach this one at, and the only one it listens on: never a wildcard.</summary>
    public string AdvertisedAddress { get; init; } = "127.0.0.1";

    public static SiloSettings From(IConfiguration configuration) => configuration.Get<SiloSettings>() ?? new SiloSettings();

    /// <exception cref="InvalidOperationException">Not a usable address; the message is one line for the user.</exception>
    public IPAddress ParseAdvertisedAddress()
    {
        if (!IPAddress.TryParse(AdvertisedAddress, out var address))
            throw new InvalidOperationException($"invalid advertised address '{AdvertisedAddress}'");
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            throw new InvalidOperationException($"the advertised address must be one other silos can reach, not the wildcard {address}");
        return address;
    }
}
