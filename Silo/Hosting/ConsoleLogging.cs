using Microsoft.Extensions.DependencyInjection;
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
        // A failed start is reported as one line by the caller; the host and the silo would log it again with a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Critical);
        logging.AddFilter("Orleans.Runtime.SiloLifecycleSubject", LogLevel.Critical);
        logging.AddFilter("Orleans.Runtime.MembershipService.MembershipTableManager", LogLevel.Critical);
        // Orleans' own warnings (scheduling delays, messages racing a stop) are for Orleans developers; the disk logs
        // what matters to its users itself. Best-effort call cancellation failing while a silo stops is not even that.
        logging.AddFilter("Orleans", LogLevel.Error);
        logging.AddFilter("Orleans.Runtime.GrainCallCancellationManager", LogLevel.Critical);
        return logging;
    }
}
