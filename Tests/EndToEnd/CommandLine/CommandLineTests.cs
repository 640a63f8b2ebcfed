using System.Net;
using System.Net.Sockets;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.CommandLine;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("memory", "1MB")]
    [InlineData("memory", "1.5M")]
    [InlineData("memory", "size=-1")]
    [InlineData("memory", "9223372036854775808")]
    [InlineData("memory")]
    public async Task Bad_sizes_are_refused_with_exit_1_and_one_stderr_line(params string[] arguments) =>
        await AssertRefusedAsync(arguments);

    /// <summary>nbdkit prints its whole usage text (or a second hint line) for these; we print one line.</summary>
    [Theory]
    [Trait(IntendedDifference.Category, IntendedDifference.DiffersFromNbdkit)]
    [InlineData("memory", "-1")]
    [InlineData("--no-such-option", "memory", "1M")]
    [InlineData("no-such-plugin", "1M")]
    public async Task Unknown_options_and_plugins_are_refused_with_exit_1_and_one_stderr_line(
        params string[] arguments) =>
        await AssertRefusedAsync(arguments);

    [Fact]
    public async Task A_malloc_disk_larger_than_memory_is_refused_at_start_with_one_stderr_line() =>
        await AssertRefusedAsync(["memory", "1E", "allocator=malloc"]);

    [Fact]
    public async Task A_port_already_taken_is_refused_at_start_with_one_stderr_line()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;
        var result = await ServerUnderTest.RunToExitAsync("-f", "-i", "127.0.0.1", "-p", port.ToString(), "memory", "1M");
        AssertOneLineRefusal(result);
    }

    [Fact]
    public async Task Dump_plugin_reports_zstd_and_mlock_support()
    {
        var result = (await ServerUnderTest.RunToExitAsync("memory", "--dump-plugin")).AssertSuccess();
        Assert.Contains("zstd=yes", result.Stdout.Split('\n'));
        Assert.Contains(result.Stdout.Split('\n'), line => line.StartsWith("mlock="));
        Assert.Contains("name=memory", result.Stdout.Split('\n'));
    }

    [Fact]
    public async Task Version_and_help_succeed()
    {
        var version = (await ServerUnderTest.RunToExitAsync("--version")).AssertSuccess();
        Assert.False(string.IsNullOrWhiteSpace(version.Stdout), version.Describe());
        var help = (await ServerUnderTest.RunToExitAsync("--help")).AssertSuccess();
        Assert.Contains("--port", help.Stdout);
    }

    private static async Task AssertRefusedAsync(string[] arguments)
    {
        using var work = new TemporaryDirectory();
        AssertOneLineRefusal(await ServerUnderTest.RunToExitAsync(["-f", "-U", work.PathOf("nbd.sock"), .. arguments]));
    }

    private static void AssertOneLineRefusal(ToolResult result)
    {
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(result.ExitCode == 1, result.Describe());
        Assert.True(lines.Length == 1, $"expected exactly one stderr line:\n{result.Describe()}");
        Assert.DoesNotContain("Exception", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
