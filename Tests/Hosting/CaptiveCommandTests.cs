using ClusterRamDisk.Gateway.Hosting;

namespace ClusterRamDisk.Tests.Hosting;

public sealed class CaptiveCommandTests : IDisposable
{
    private const string PrintVariables = """printf '%s|%s|%s|%s|%s' "$uri" "$nbd" "$port" "$unixsocket" "$exportname" > "$OUT" """;

    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("captive-test");

    private string OutputPath => Path.Combine(directory.FullName, "out");

    public void Dispose() => directory.Delete(recursive: true);

    [Theory]
    [InlineData(10809, null, "", "nbd://localhost:10809|nbd://localhost:10809|10809||")]
    [InlineData(10999, null, "a b'c", "nbd://localhost:10999/a%20b%27c|nbd://localhost:10999/a%20b%27c|10999||a b'c")]
    [InlineData(null, "/tmp/we ird'q.sock", "", "nbd+unix://?socket=/tmp/we%20ird%27q.sock|nbd+unix://?socket=/tmp/we%20ird%27q.sock||/tmp/we ird'q.sock|")]
    [InlineData(null, "/tmp/d/socket", "$HOME", "nbd+unix:///%24HOME?socket=/tmp/d/socket|nbd+unix:///%24HOME?socket=/tmp/d/socket||/tmp/d/socket|$HOME")]
    public async Task SetsTheVariablesNbdkitSets(int? port, string? unixSocket, string exportName, string expected)
    {
        var status = await CaptiveCommand.RunAsync($"OUT='{OutputPath}'; {PrintVariables}", exportName, port, unixSocket, CancellationToken.None);

        Assert.Equal(0, status);
        Assert.Equal(expected, File.ReadAllText(OutputPath));
    }

    [Fact]
    public async Task VariablesAreShellVariablesNotEnvironment()
    {
        var status = await CaptiveCommand.RunAsync($"env > '{OutputPath}'", "", 10809, null, CancellationToken.None);

        Assert.Equal(0, status);
        Assert.DoesNotContain(File.ReadAllLines(OutputPath), line => line.StartsWith("uri=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("true", 0)]
    [InlineData("exit 3", 3)]
    [InlineData("exit 200", 200)]
    [InlineData("kill -TERM $$", 128 + 15)]
    [InlineData("kill -KILL $$", 128 + 9)]
    public async Task ReturnsTheStatusNbdkitWouldExitWith(string command, int expected) =>
        Assert.Equal(expected, await CaptiveCommand.RunAsync(command, "", 10809, null, CancellationToken.None));

    [Fact]
    public void RefusesNeitherOrBothEndpoints()
    {
        Assert.Throws<ArgumentException>(() => CaptiveCommand.BuildScript("true", "", null, null));
        Assert.Throws<ArgumentException>(() => CaptiveCommand.BuildScript("true", "", 10809, "/tmp/s"));
    }
}
