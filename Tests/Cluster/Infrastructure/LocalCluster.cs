using System.Text.Json;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.Cluster.Infrastructure;

/// <summary>
/// Redis, silo processes and gateways on loopback, all owned here: disposing ends every process it started, whatever
/// state a failed test left them in.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    private readonly List<NbdServer> _gateways = [];

    private LocalCluster(RedisServer redis)
    {
        Redis = redis;
    }

    public RedisServer Redis { get; }

    public List<SiloNode> Silos { get; } = [];

    public IReadOnlyList<NbdServer> Gateways => _gateways;

    public static async Task<LocalCluster> StartAsync(int siloCount, string memoryLimitPerSilo)
    {
        var cluster = new LocalCluster(await RedisServer.StartAsync());
        try
        {
            // Started together: each waits for the membership table on its own.
            cluster.Silos.AddRange(await Task.WhenAll(Enumerable.Range(0, siloCount)
                .Select(_ => SiloNode.StartAsync(cluster.Redis.Address, memoryLimitPerSilo))));
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
        return cluster;
    }

    /// <summary>One more silo joining the running cluster.</summary>
    public async Task<SiloNode> AddSiloAsync(string memoryLimit)
    {
        var silo = await SiloNode.StartAsync(Redis.Address, memoryLimit);
        Silos.Add(silo);
        return silo;
    }

    /// <summary>A gateway joined to this cluster serving the given memory-plugin disk.</summary>
    public async Task<NbdServer> StartGatewayAsync(string size, string allocator = "sparse")
    {
        var gateway = await NbdServer.StartAsync(ServerLaunch.Memory(size, allocator) with { Options = ["--redis", Redis.Address] });
        _gateways.Add(gateway);
        return gateway;
    }

    /// <summary>The gateway binary's status view in JSON, one report per active silo.</summary>
    public async Task<IReadOnlyList<StatusRow>> ReadStatusAsync()
    {
        var result = await ServerUnderTest.RunToExitAsync("--redis", Redis.Address, "--json", "status");
        Assert.True(result.ExitCode == 0, $"status exited {result.ExitCode}: {result.Stderr}");
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.GetProperty("silos").EnumerateArray().Select(silo => new StatusRow(
            silo.GetProperty("silo").GetString()!,
            silo.GetProperty("directories").GetInt32(),
            silo.GetProperty("storedBytes").GetInt64(),
            silo.GetProperty("logicalBytes").GetInt64(),
            silo.GetProperty("budgetBytes").GetInt64(),
            silo.GetProperty("freeBytes").GetInt64())).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
            await gateway.DisposeAsync();
        foreach (var silo in Silos)
            await silo.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
