using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace ClusterRamDisk.Silo.Hosting;

/// <summary>Logging for our processes: one line per event on stderr, quiet unless something needs a user's attention.</summary>
public static class ConsoleLogging
{
    public static ILoggingBuilder AddRamDiskConsole(this ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        // stdout belongs to --run's command and to --dump-plugin-style output: log to stderr only.
        logging.AddSimpleConsole(console => { console.SingleLine = true; console.TimestampFormat = "HH:mm:ss.fff "; });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
        if (verbose)
        {
            logging.AddFilter("ClusterRamDisk", LogLevel.Debug);
            return logging;
        }
        var quieting = new StartupLogQuieting();
        logging.Services.AddSingleton<IHostedService>(quieting);
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", quieting.Threshold(afterStart: LogLevel.Warning));
        foreach (var startupReporter in (string[])["Orleans.Runtime.Silo", "Orleans.Runtime.SiloLifecycleSubject", "Orleans.Runtime.MembershipService.MembershipTableManager"])
            logging.AddFilter(startupReporter, quieting.Threshold(afterStart: LogLevel.Error));
        // Orleans' own warnings (scheduling delays, messages racing a stop) are for Orleans developers; the disk logs
        // what matters to its users itself. Best-effort call cancellation failing while a silo stops is not even that.
        logging.AddFilter("Orleans", LogLevel.Error);
        logging.AddFilter("Orleans.Runtime.GrainCallCancellationManager", LogLevel.Critical);
        return logging;
    }
}
