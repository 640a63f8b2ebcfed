using ClusterRamDisk.Gateway.CommandLine;
using ClusterRamDisk.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>Builds and runs the gateway process: the embedded silo first, then the NBD service on top of it.</summary>
public static class GatewayHost
{
    /// <summary>Runs until stopped (signal, --run finishing, parent exiting) and returns the exit status.</summary>
    public static async Task<int> RunAsync(GatewayOptions options)
    {
        using var host = Build(options);
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
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // Our arguments are nbdkit's, not configuration keys; settings come from the environment.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigureLogging(builder.Logging, options.Verbose);
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);

        builder.UseOrleans(silo => silo.UseEmbeddedRamDiskSilo(builder.Configuration));
        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<NbdGatewayService>();
        return builder.Build();
    }

    private static void ConfigureLogging(ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        // stdout belongs to --run's command and to --dump-plugin-style output: log to stderr only.
        logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss.fff "; });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        if (verbose)
            logging.AddFilter("ClusterRamDisk", LogLevel.Debug);
        else
        {
            // The silo warns at every start that server GC is off: workstation GC is our choice (smaller heaps for page-holding processes).
            logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
            // A failed start is reported as one line by RunAsync; the host would log it again with a stack trace.
            logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
            // Orleans' own warnings (scheduling delays, messages racing a stop) are for Orleans developers; the disk logs
            // what matters to its users itself. Best-effort call cancellation failing while a silo stops is not even that.
            logging.AddFilter("Orleans", LogLevel.Error);
            logging.AddFilter("Orleans.Runtime.GrainCallCancellationManager", LogLevel.Critical);
        }
    }

    private static async Task StopQuietlyAsync(IHost host)
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
