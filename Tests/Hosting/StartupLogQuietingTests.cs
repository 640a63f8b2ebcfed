using ClusterRamDisk.Silo.Hosting;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Tests.Hosting;

public sealed class StartupLogQuietingTests
{
    [Fact]
    public async Task Start_up_errors_stay_quiet_until_the_host_has_started_and_are_shown_after()
    {
        var quieting = new StartupLogQuieting();
        var membershipErrors = quieting.Threshold(afterStart: LogLevel.Error);

        Assert.False(membershipErrors(LogLevel.Error));
        Assert.True(membershipErrors(LogLevel.Critical));

        await quieting.StartedAsync(default);

        Assert.True(membershipErrors(LogLevel.Error));
        Assert.False(membershipErrors(LogLevel.Warning));
    }
}
