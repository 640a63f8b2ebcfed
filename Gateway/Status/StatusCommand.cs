using ClusterRamDisk.Gateway.CommandLine;
using ClusterRamDisk.Gateway.Hosting;
using ClusterRamDisk.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClusterRamDisk.Gateway.Status;

/// <summary>The <c>status</c> command: joins the cluster as a client, prints where the disk lives, leaves.</summary>
public static class StatusCommand
{
    public static async Task<int> RunAsync(ParseOutcome.Status status)
    {
        var builder = GatewayHost.CreateBuilder(status.Cluster, status.Verbose);
        builder.UseOrleansClient(client => client.UseRamDiskCluster(builder.Configuration));
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
            var reports = await ClusterStatus.ReadAsync(host.Services.GetRequiredService<IClusterClient>());
            Console.Out.Write(status.Json ? ClusterStatus.ToJson(reports) + "\n" : ClusterStatus.ToTable(reports));
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"{GatewayCommandLine.ProgramName}: error: {StartupFailure.Describe(exception)}");
            await GatewayHost.StopQuietlyAsync(host);
            return 1;
        }
        await host.StopAsync();
        return 0;
    }
}
