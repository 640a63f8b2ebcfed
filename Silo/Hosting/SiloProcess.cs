using ClusterRamDisk.Grains.Memory;
using ClusterRamDisk.Silo.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Silo.Hosting;

/// <summary>The standalone silo: joins the cluster, holds directories within its memory budget, leaves on SIGTERM/SIGINT.</summary>
public static class SiloProcess
{
    // Time for a stopping silo to finish what it is doing before the host gives up on it.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.Out.Write(SiloCommandLine.Usage);
            return 0;
        }
        if (!SiloCommandLine.TryNormalize(args, out var switches, out var usageError))
            return Fail(usageError!);

        IHost host;
        try
        {
            host = Build(switches);
        }
        catch (InvalidOperationException exception)
        {
            return Fail(exception.Message);
        }
        using var disposeHost = host;
        try
        {
            await host.StartAsync();
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"{SiloCommandLine.ProgramName}: error: {StartupFailure.Describe(exception)}");
            return 1;
        }

        var ledger = host.Services.GetRequiredService<SiloMemoryLedger>();
        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SiloProcess))
            .LogWarning("silo {Silo} joined the cluster with a memory budget of {Budget} bytes",
                host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString(), ledger.BudgetBytes);
        await host.WaitForShutdownAsync();
        return 0;
    }

    private static IHost Build(string[] switches)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables(ClusterSettings.EnvironmentPrefix);
        builder.Configuration.AddCommandLine(switches, SiloCommandLine.SwitchMappings.ToDictionary());
        builder.Logging.AddRamDiskConsole(builder.Configuration.GetValue<bool>("Verbose"));
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        builder.UseOrleans(silo => silo.UseClusteredRamDiskSilo(builder.Configuration));
        return builder.Build();
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"{SiloCommandLine.ProgramName}: error: {message}");
        return 1;
    }
}
