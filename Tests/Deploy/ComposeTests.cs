using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.Deploy;

/// <summary>
/// The docker compose deployment on a real Docker engine (deploy/test/compose-test.sh): 3 silos, a 1 GiB image
/// in and out through 127.0.0.1:10809, scaled to 4 silos with the new one taking data, down with nothing left.
/// </summary>
public sealed class ComposeTests
{
    // The script's own budget; an image build from a cold cache takes most of it.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task ComposeDeploymentServesScalesAndComesDownClean()
    {
        var script = Path.Combine(RepositoryRoot(), "deploy", "test", "compose-test.sh");

        var result = await ToolRunner.RunAsync("bash", [script], Timeout);

        result.AssertSuccess();
        Assert.Contains("compose-test: ", result.Stdout);
        Assert.EndsWith("passed", result.Stdout.TrimEnd());
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ClusterRamDisk.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException($"no ClusterRamDisk.sln above {AppContext.BaseDirectory}");
    }
}
