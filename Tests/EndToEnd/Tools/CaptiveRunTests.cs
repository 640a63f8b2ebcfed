using System.Text.RegularExpressions;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Tools;

/// <summary>--run: the server lives as long as the command, which sees $uri/$nbd/$port/$unixsocket.</summary>
public sealed class CaptiveRunTests
{
    [Fact]
    public async Task The_command_reaches_the_server_through_uri()
    {
        using var work = new TemporaryDirectory();
        var result = await ServerUnderTest.RunToExitAsync("-U", work.PathOf("nbd.sock"), "memory", "1M",
            "--run", "nbdinfo --json \"$uri\"");
        result.AssertSuccess();
        Assert.Contains("\"export-size\": 1048576", result.Stdout);
    }

    [Fact]
    public async Task The_server_exits_with_the_status_of_the_command()
    {
        using var work = new TemporaryDirectory();
        var result = await ServerUnderTest.RunToExitAsync("-U", work.PathOf("nbd.sock"), "memory", "1M",
            "--run", "exit 3");
        Assert.True(result.ExitCode == 3, result.Describe());
    }

    [Fact]
    public async Task Tcp_variables_name_the_port_and_export()
    {
        var port = FreeTcpPort.Pick();
        var result = await ServerUnderTest.RunToExitAsync("-i", "127.0.0.1", "-p", port.ToString(), "-e", "foo",
            "memory", "1M", "--run", "echo \"uri=$uri nbd=$nbd port=$port unix=$unixsocket\"; nbdinfo --size \"$uri\"");
        result.AssertSuccess();
        var uri = $"nbd://(localhost|127\\.0\\.0\\.1):{port}/foo";
        Assert.Matches($"^uri={uri} nbd={uri} port={port} unix=\n1048576\n$", result.Stdout);
    }

    [Fact]
    public async Task Unix_variables_name_the_socket()
    {
        using var work = new TemporaryDirectory();
        var socket = work.PathOf("nbd.sock");
        var result = await ServerUnderTest.RunToExitAsync("-U", socket, "memory", "1M",
            "--run", "echo \"uri=$uri port=$port unix=$unixsocket\"");
        result.AssertSuccess();
        Assert.Matches($"^uri=nbd\\+unix:///?\\?socket={Regex.Escape(socket)} port= unix={Regex.Escape(socket)}\n$",
            result.Stdout);
    }

    [Fact]
    public async Task The_command_gets_the_environment_the_server_was_given()
    {
        using var work = new TemporaryDirectory();
        var result = await ServerUnderTest.RunToExitAsync("-U", work.PathOf("nbd.sock"), "memory", "1M",
            "--run", "echo \"home=$HOME\"");
        result.AssertSuccess();
        Assert.Equal($"home={Environment.GetEnvironmentVariable("HOME")}\n", result.Stdout);
    }
}
