using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Silo.Hosting;

/// <summary>
/// Knows whether the host has started. Until it has, a failed start is reported as one line by the caller, so the host
/// and Orleans must not log it again with a stack trace; once it has, their errors are the user's business again.
/// </summary>
internal sealed class StartupLogQuieting : IHostedLifecycleService
{
    private volatile bool _started;

    /// <summary>What a logging filter lets through: only critical events before the start, <paramref name="afterStart"/> and above once started.</summary>
    public Func<LogLevel, bool> Threshold(LogLevel afterStart) => level => level >= (_started ? afterStart : LogLevel.Critical);

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _started = true;
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
