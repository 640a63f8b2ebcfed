using ClusterRamDisk.Gateway.CommandLine;
using ClusterRamDisk.Silo.Configuration;
using ClusterRamDisk.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>Builds and runs the gateway process: its own silo or a data-less silo of the cluster first, then the NBD service on top.</summary>
public static class GatewayHost
{
    /// <summary>Runs until stopped (signal, --run finishing, parent exiting) and returns the exit status.</summary>
    public static async Task<int> RunAsync(GatewayOptions options)
    {
        IHost host;
        try
        {
            host = Build(options);
        }
        catch (InvalidOperationException exception)
        {
            // Settings from the environment that do not parse (CLUSTERRAMDISK_MEMORYLIMIT=lots).
            Console.Error.WriteLine($"{GatewayCommandLine.ProgramName}: error: {exception.Message}");
            return 1;
        }
        using var disposeHost = host;
        try
        {
            await host.StartAsync();
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"{GatewayCommandLine.ProgramName}: error: {StartupFailure.Describe(exception)}");
            if (options.Verbose)
                Console.Error.WriteLine(exception);
            await StopQuietlyAsync(host);
            return 1;
        }
        await host.WaitForShutdownAsync();
        return Environment.ExitCode;
    }

    private static IHost Build(GatewayOptions options)
    {
        var builder = CreateBuilder(options.Cluster, options.Verbose);
        // With a cluster named, the gateway joins it as a silo that holds no directories, so it can come and go
        // without taking data with it. Without one, it hosts its own silo, as nbdkit memory holds its own RAM.
        if (ClusterSettings.IsNamedIn(builder.Configuration))
            builder.UseOrleans(silo => silo.UseGatewayRamDiskSilo(builder.Configuration));
        else
            builder.UseOrleans(silo => silo.UseEmbeddedRamDiskSilo(builder.Configuration));
        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<NbdGatewayService>();
        return builder.Build();
    }

    /// <summary>A host configured from CLUSTERRAMDISK_* environment variables, overridden by the command line's cluster options.</summary>
    internal static HostApplicationBuilder CreateBuilder(ClusterConnection cluster, bool verbose)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // Our arguments are nbdkit's, not configuration keys; settings come from the environment.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables(ClusterSettings.EnvironmentPrefix);
        builder.Configuration.AddInMemoryCollection(cluster.AsConfiguration());
        builder.Logging.AddRamDiskConsole(verbose);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        return builder;
    }

    internal static async Task StopQuietlyAsync(IHost host)
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // Already failing to start: the first error is the one worth reporting.
        }
    }
}
