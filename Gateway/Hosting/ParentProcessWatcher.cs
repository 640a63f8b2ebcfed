using System.Runtime.InteropServices;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>
/// For --exit-with-parent: <see cref="ProcessExited"/> is cancelled once the watched process (our parent)
/// has exited, so the host can stop gracefully. Linux only.
/// </summary>
/// <remarks>
/// Watches through a pidfd rather than prctl(PR_SET_PDEATHSIG): a pidfd cannot be fooled by pid reuse, sees
/// a dead process even while it is an unreaped zombie, does not fire when merely the parent's thread exits,
/// and needs no signal handling. It is polled without blocking, so no thread is parked on it.
/// </remarks>
public sealed partial class ParentProcessWatcher : IDisposable
{
    private const long PidfdOpenSyscall = 434; // The same number on every Linux architecture.
    private const short PollIn = 1;
    private const int NoSuchProcess = 3; // ESRCH

    private readonly CancellationTokenSource exited = new();
    private readonly CancellationTokenSource stopping = new();

    private ParentProcessWatcher(int processId, TimeSpan pollInterval)
    {
        var pidfd = (int)pidfd_open(PidfdOpenSyscall, processId, 0);
        if (pidfd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != NoSuchProcess)
                throw new PlatformNotSupportedException($"cannot watch process {processId}: pidfd_open failed with errno {errno}");
            exited.Cancel();
            return;
        }
        _ = PollAsync(pidfd, pollInterval);
    }

    public CancellationToken ProcessExited => exited.Token;

    /// <summary>Watches the process that started us.</summary>
    public static ParentProcessWatcher WatchParent(TimeSpan pollInterval)
    {
        var parent = getppid();
        var watcher = new ParentProcessWatcher(parent, pollInterval);
        // If the parent died before the pidfd was opened we were re-parented, and the pid may be someone else's now.
        if (getppid() != parent)
            watcher.exited.Cancel();
        return watcher;
    }

    /// <summary>Watches any process; the parent case is <see cref="WatchParent"/>.</summary>
    internal static ParentProcessWatcher WatchProcess(int processId, TimeSpan pollInterval) => new(processId, pollInterval);

    public void Dispose() => stopping.Cancel();

    private async Task PollAsync(int pidfd, TimeSpan pollInterval)
    {
        try
        {
            using var timer = new PeriodicTimer(pollInterval);
            while (!HasExited(pidfd))
                await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false);
            exited.Cancel();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposed: stop watching quietly.
        }
        finally
        {
            close(pidfd);
        }
    }

    private static unsafe bool HasExited(int pidfd)
    {
        var entry = new PollFd { Fd = pidfd, Events = PollIn };
        return poll(&entry, 1, 0) > 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc")]
    private static partial int getppid();

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long pidfd_open(long syscallNumber, long processId, long flags);

    [LibraryImport("libc")]
    private static unsafe partial int poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
