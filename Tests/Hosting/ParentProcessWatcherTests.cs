using System.Diagnostics;
using ClusterRamDisk.Gateway.Hosting;

namespace ClusterRamDisk.Tests.Hosting;

public class ParentProcessWatcherTests
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task SignalsWhenARealProcessDies()
    {
        using var child = Process.Start("/bin/sleep", "30");
        using var watcher = ParentProcessWatcher.WatchProcess(child.Id, PollInterval);
        await Task.Delay(PollInterval * 5);
        Assert.False(watcher.ProcessExited.IsCancellationRequested);

        child.Kill();

        await WaitForCancellation(watcher.ProcessExited);
    }

    [Fact]
    public async Task SignalsForAProcessThatIsAlreadyGone()
    {
        using var child = Process.Start("/bin/true");
        await child.WaitForExitAsync();

        using var watcher = ParentProcessWatcher.WatchProcess(child.Id, PollInterval);

        await WaitForCancellation(watcher.ProcessExited);
    }

    [Fact]
    public async Task StaysQuietWhileOurParentLives()
    {
        using var watcher = ParentProcessWatcher.WatchParent(PollInterval);

        await Task.Delay(PollInterval * 5);

        Assert.False(watcher.ProcessExited.IsCancellationRequested);
    }

    private static async Task WaitForCancellation(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource();
        await using var registration = token.Register(() => cancelled.SetResult());
        await cancelled.Task.WaitAsync(Patience);
    }
}
