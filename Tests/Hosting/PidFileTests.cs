using ClusterRamDisk.Gateway.Hosting;

namespace ClusterRamDisk.Tests.Hosting;

public sealed class PidFileTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("pidfile-test");

    private string PidPath => Path.Combine(directory.FullName, "gateway.pid");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public void WritesOurPidAndLeavesNoTemporaryFile()
    {
        using var pidFile = PidFile.Write(PidPath);

        Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(PidPath));
        Assert.Equal([PidPath], Directory.GetFiles(directory.FullName));
    }

    [Fact]
    public void ReplacesAStaleFile()
    {
        File.WriteAllText(PidPath, "999999999\n");

        using var pidFile = PidFile.Write(PidPath);

        Assert.Equal($"{Environment.ProcessId}\n", File.ReadAllText(PidPath));
    }

    [Fact]
    public void DisposeRemovesTheFile()
    {
        PidFile.Write(PidPath).Dispose();

        Assert.False(File.Exists(PidPath));
    }

    [Fact]
    public async Task ReaderNeverSeesAPartialFile()
    {
        var expected = $"{Environment.ProcessId}\n";
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var seen = new HashSet<string>();
            while (!done.IsCancellationRequested)
            {
                try
                {
                    seen.Add(File.ReadAllText(PidPath));
                }
                catch (FileNotFoundException)
                {
                    // Before the first write.
                }
            }
            return seen;
        });

        // Each write replaces the previous file, as when a stale pid file is left behind.
        for (var i = 0; i < 3000; i++)
            PidFile.Write(PidPath);
        await Task.Delay(50);
        await done.CancelAsync();

        var seen = await reader;
        Assert.Equal([expected], seen);
    }
}
