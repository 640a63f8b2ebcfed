using System.Diagnostics;

namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>Starts Scripts/flood_until_killed.py, which keeps many requests in flight until it is killed.</summary>
internal static class FloodingClient
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    public static async Task<Process> StartAsync(NbdServer server, long baseOffset)
    {
        var process = ToolRunner.Start(ClientTools.Python,
            [PythonScripts.PathOf("flood_until_killed.py"), server.Uri, baseOffset.ToString()], out var output);
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!output.Stdout.Contains("READY"))
            {
                Assert.False(process.HasExited, $"The flooding client ended early:\n{output.Stderr}");
                Assert.True(deadline.Elapsed < ReadyTimeout,
                    $"The flooding client never got requests in flight:\n{output.Stderr}");
                await Task.Delay(50);
            }
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }

        return process;
    }
}
