using System.Net;
using ClusterRamDisk.Gateway.CommandLine;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Tests.CommandLine;

public class GatewayCommandLineTests
{
    private const long OneMiB = 1 << 20;

    public static TheoryData<string, GatewayOptions> ServedCommandLines => new()
    {
        { "memory 1M", new GatewayOptions { Size = OneMiB } },
        { "memory size=1M", new GatewayOptions { Size = OneMiB } },
        { "memory 0", new GatewayOptions { Size = 0 } },
        { "memory 1M allocator=zstd", new GatewayOptions { Size = OneMiB, Allocator = AllocatorKind.Zstd } },
        { "memory allocator=malloc,mlock=true size=1M", new GatewayOptions { Size = OneMiB, Allocator = AllocatorKind.Malloc, Mlock = true } },
        { "memory 1M allocator=sparse", new GatewayOptions { Size = OneMiB } },
        { "-p 10999 memory 1M", new GatewayOptions { Size = OneMiB, Port = 10999 } },
        { "-p10999 memory 1M", new GatewayOptions { Size = OneMiB, Port = 10999 } },
        { "--port 10999 memory 1M", new GatewayOptions { Size = OneMiB, Port = 10999 } },
        { "--port=10999 memory 1M", new GatewayOptions { Size = OneMiB, Port = 10999 } },
        { "--po=10999 memory 1M", new GatewayOptions { Size = OneMiB, Port = 10999 } },
        { "-p 0 memory 1M", new GatewayOptions { Size = OneMiB, Port = 0 } },
        { "-p 65535 memory 1M", new GatewayOptions { Size = OneMiB, Port = 65535 } },
        { "-i 127.0.0.1 memory 1M", new GatewayOptions { Size = OneMiB, IpAddress = IPAddress.Loopback } },
        { "--ipaddr=::1 memory 1M", new GatewayOptions { Size = OneMiB, IpAddress = IPAddress.IPv6Loopback } },
        { "--ip-addr ::1 memory 1M", new GatewayOptions { Size = OneMiB, IpAddress = IPAddress.IPv6Loopback } },
        { "-U /tmp/nbd.sock memory 1M", new GatewayOptions { Size = OneMiB, UnixSocket = "/tmp/nbd.sock" } },
        { "--unix=/tmp/nbd.sock memory 1M", new GatewayOptions { Size = OneMiB, UnixSocket = "/tmp/nbd.sock" } },
        { "-U - memory 1M", new GatewayOptions { Size = OneMiB, PrivateUnixSocket = true } },
        { "-U /tmp/a.sock -U - memory 1M", new GatewayOptions { Size = OneMiB, PrivateUnixSocket = true } },
        { "-U - -i 127.0.0.1 memory 1M", new GatewayOptions { Size = OneMiB, PrivateUnixSocket = true, IpAddress = IPAddress.Loopback } },
        { "-P /tmp/nbd.pid memory 1M", new GatewayOptions { Size = OneMiB, PidFile = "/tmp/nbd.pid" } },
        { "--pid-file=/tmp/nbd.pid memory 1M", new GatewayOptions { Size = OneMiB, PidFile = "/tmp/nbd.pid" } },
        { "-f memory 1M", new GatewayOptions { Size = OneMiB, Foreground = true } },
        { "--no-fork memory 1M", new GatewayOptions { Size = OneMiB, Foreground = true } },
        { "-r memory 1M", new GatewayOptions { Size = OneMiB, ReadOnly = true } },
        { "--read-only memory 1M", new GatewayOptions { Size = OneMiB, ReadOnly = true } },
        { "--read memory 1M", new GatewayOptions { Size = OneMiB, ReadOnly = true } },
        { "-r -r memory 1M", new GatewayOptions { Size = OneMiB, ReadOnly = true } },
        { "-v memory 1M", new GatewayOptions { Size = OneMiB, Verbose = true } },
        { "-fv memory 1M", new GatewayOptions { Size = OneMiB, Foreground = true, Verbose = true } },
        { "-rfv memory 1M", new GatewayOptions { Size = OneMiB, ReadOnly = true, Foreground = true, Verbose = true } },
        { "-rp 10999 memory 1M", new GatewayOptions { Size = OneMiB, ReadOnly = true, Port = 10999 } },
        { "-rp10999 memory 1M", new GatewayOptions { Size = OneMiB, ReadOnly = true, Port = 10999 } },
        { "-e foo memory 1M", new GatewayOptions { Size = OneMiB, ExportName = "foo" } },
        { "-efoo memory 1M", new GatewayOptions { Size = OneMiB, ExportName = "foo" } },
        { "--export=foo memory 1M", new GatewayOptions { Size = OneMiB, ExportName = "foo" } },
        { "--export-name foo memory 1M", new GatewayOptions { Size = OneMiB, ExportName = "foo" } },
        { "--exp=foo memory 1M", new GatewayOptions { Size = OneMiB, ExportName = "foo" } },
        { "-e foo -e bar memory 1M", new GatewayOptions { Size = OneMiB, ExportName = "bar" } },
        { "--exportname= memory 1M", new GatewayOptions { Size = OneMiB, ExportName = "" } },
        { "--run true memory 1M", new GatewayOptions { Size = OneMiB, Run = "true" } },
        { "--run=true memory 1M", new GatewayOptions { Size = OneMiB, Run = "true" } },
        { "--exit-with-parent memory 1M", new GatewayOptions { Size = OneMiB, ExitWithParent = true } },
        { "memory 1M -r", new GatewayOptions { Size = OneMiB, ReadOnly = true } },
        { "memory -r 1M --port=10999", new GatewayOptions { Size = OneMiB, ReadOnly = true, Port = 10999 } },
        { "-r -- memory 1M", new GatewayOptions { Size = OneMiB, ReadOnly = true } },
    };

    [Theory]
    [MemberData(nameof(ServedCommandLines))]
    public void Serves(string commandLine, GatewayOptions expected)
    {
        var outcome = Assert.IsType<ParseOutcome.Serve>(Parse(commandLine));
        Assert.Equal(expected, outcome.Options);
    }

    [Fact]
    public void KeepsArgumentsWithSpacesWhole()
    {
        var outcome = GatewayCommandLine.Parse(["--run", "nbdinfo \"$uri\"", "-e", "my disk", "memory", "1M"]);

        var options = Assert.IsType<ParseOutcome.Serve>(outcome).Options;
        Assert.Equal("nbdinfo \"$uri\"", options.Run);
        Assert.Equal("my disk", options.ExportName);
    }

    [Fact]
    public void MakesRelativePathsAbsolute()
    {
        var options = Assert.IsType<ParseOutcome.Serve>(Parse("-U nbd.sock -P nbd.pid memory 1M")).Options;

        Assert.Equal(Path.GetFullPath("nbd.sock"), options.UnixSocket);
        Assert.Equal(Path.GetFullPath("nbd.pid"), options.PidFile);
    }

    [Fact]
    public void ExportSettingsCarryNameSizeAndAllocator()
    {
        var options = Assert.IsType<ParseOutcome.Serve>(Parse("-e disk memory 2G allocator=malloc,mlock=true")).Options;

        Assert.Equal(new ExportSettings("disk", 2L << 30, AllocatorKind.Malloc, true), options.ToExportSettings());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("--help memory 1M")]
    [InlineData("--he")]
    [InlineData("--dump-plugin --help memory")]
    [InlineData("--help --version")]
    [InlineData("--help memory size=bad")]
    public void AnswersHelp(string commandLine) => Assert.IsType<ParseOutcome.Help>(Parse(commandLine));

    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    [InlineData("memory 1M --version")]
    [InlineData("--version --help")]
    [InlineData("--version nosuchplugin")]
    public void AnswersVersion(string commandLine) => Assert.IsType<ParseOutcome.Version>(Parse(commandLine));

    [Theory]
    [InlineData("memory --dump-plugin")]
    [InlineData("--dump-plugin memory")]
    [InlineData("memory --dump-plugin 1M")]
    [InlineData("--dump-plugin -p 10999 memory allocator=zstd")]
    public void AnswersDumpPlugin(string commandLine) => Assert.IsType<ParseOutcome.DumpPlugin>(Parse(commandLine));

    [Theory]
    [InlineData("", "no plugin given")]
    [InlineData("-r", "no plugin given")]
    [InlineData("--dump-plugin", "no plugin given")]
    [InlineData("file 1M", "unknown plugin 'file'")]
    [InlineData("Memory 1M", "unknown plugin 'Memory'")]
    [InlineData("memory", "you must give the size")]
    [InlineData("memory allocator=zstd", "you must give the size")]
    [InlineData("-- memory 1M -r", "parameter '-r' is not KEY=VALUE")]
    [InlineData("memory 1MB", "unknown suffix \"MB\"")]
    [InlineData("memory 1.5M", "unknown suffix \".5M\"")]
    [InlineData("memory size=-1", "expected a decimal number")]
    [InlineData("memory size=", "expected a decimal number")]
    [InlineData("memory 8E", "exceeds the maximum")]
    [InlineData("memory 9223372036854775808", "exceeds the maximum")]
    [InlineData("memory -1", "invalid option -- '1'")]
    [InlineData("memory =1M", "parameter '=1M' has no key")]
    [InlineData("memory 1M 2M", "parameter '2M' is not KEY=VALUE")]
    [InlineData("memory 1M size=2M", "parameter 'size' given more than once")]
    [InlineData("memory 1M allocator=sparse allocator=zstd", "parameter 'allocator' given more than once")]
    [InlineData("memory 1M foo=bar", "unknown parameter 'foo'")]
    [InlineData("memory 1M SIZE=2", "unknown parameter 'SIZE'")]
    [InlineData("memory --dump-plugin foo=bar", "unknown parameter 'foo'")]
    [InlineData("memory 1M allocator=foo", "unknown allocator \"foo\"")]
    [InlineData("memory 1M allocator=zstd,mlock=true", "allocator=zstd does not take extra parameters")]
    [InlineData("--bogus memory 1M", "unrecognized option '--bogus'")]
    [InlineData("--bogus --help", "unrecognized option '--bogus'")]
    [InlineData("--help --bogus", "unrecognized option '--bogus'")]
    [InlineData("--version=1", "option '--version' doesn't allow an argument")]
    [InlineData("--readonly=yes memory 1M", "option '--readonly' doesn't allow an argument")]
    [InlineData("--ex=foo memory 1M", "option '--ex=foo' is ambiguous; possibilities: '--exit-with-parent' '--export' '--export-name' '--exportname'")]
    [InlineData("--=foo memory 1M", "unrecognized option '--=foo'")]
    [InlineData("-x memory 1M", "invalid option -- 'x'")]
    [InlineData("-rx memory 1M", "invalid option -- 'x'")]
    [InlineData("-4 memory 1M", "invalid option -- '4'")]
    [InlineData("memory 1M --run", "option '--run' requires an argument")]
    [InlineData("memory 1M -p", "option requires an argument -- 'p'")]
    [InlineData("-p abc memory 1M", "invalid port 'abc'")]
    [InlineData("-p -1 memory 1M", "invalid port '-1'")]
    [InlineData("-p 65536 memory 1M", "invalid port '65536'")]
    [InlineData("-p +80 memory 1M", "invalid port '+80'")]
    [InlineData("--port= memory 1M", "invalid port ''")]
    [InlineData("-i localhost memory 1M", "invalid IP address 'localhost'")]
    [InlineData("--ipaddr= memory 1M", "invalid IP address ''")]
    [InlineData("--unix= memory 1M", "the Unix socket path is empty")]
    [InlineData("--pidfile= memory 1M", "the pid file path is empty")]
    [InlineData("-U /tmp/nbd.sock -p 10999 memory 1M", "-p and -U cannot be used together")]
    [InlineData("-p 10809 -U - memory 1M", "-p and -U cannot be used together")]
    public void RefusesWithOneLineMessage(string commandLine, string expectedMessagePart)
    {
        var error = Assert.IsType<ParseOutcome.Error>(Parse(commandLine));

        Assert.Contains(expectedMessagePart, error.Message);
        Assert.StartsWith("clusterramdisk: error: ", error.StderrLine);
        Assert.DoesNotContain('\n', error.StderrLine);
    }

    private static ParseOutcome Parse(string commandLine) =>
        GatewayCommandLine.Parse(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
