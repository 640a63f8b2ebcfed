using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.Cluster.Infrastructure;

/// <summary>The real clients the cluster tests drive, with a patience fitted to images of gigabytes.</summary>
internal static class ImageTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static Task<ToolResult> RunAsync(string tool, params string[] arguments) => ToolRunner.RunAsync(tool, arguments, Timeout);

    public static async Task RunSuccessfullyAsync(string tool, params string[] arguments) => (await RunAsync(tool, arguments)).AssertSuccess();

    /// <summary>A file of seeded random bytes, made by nbdkit's random plugin (so every run gets the same image).</summary>
    public static Task CreateRandomImageAsync(string path, long bytes, int seed) =>
        RunSuccessfullyAsync("nbdcopy", "--", "[", ClientTools.Require("nbdkit"), "random", $"size={bytes}", $"seed={seed}", "]", path);
}
