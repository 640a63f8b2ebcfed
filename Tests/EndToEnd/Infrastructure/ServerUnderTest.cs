namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Chooses the NBD server the end-to-end suite talks to: our gateway by default, or the reference
/// <c>nbdkit</c> when <c>CRD_TEST_SERVER=nbdkit</c>, so every test can be validated against the reference.
/// </summary>
internal static class ServerUnderTest
{
    public const string SelectorVariable = "CRD_TEST_SERVER";

    public static bool IsNbdkit =>
        string.Equals(Environment.GetEnvironmentVariable(SelectorVariable), "nbdkit", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// nbdkit 1.32 leaves its pid file behind on exit; ours removes it. Shared fixtures only check this for our
    /// gateway, while a dedicated lifecycle test asserts it strictly (and is a known failure against nbdkit).
    /// </summary>
    public static bool RemovesPidFile => !IsNbdkit;

    /// <summary>The executable and the arguments that come before the nbdkit-style command line.</summary>
    public static (string FileName, IReadOnlyList<string> LeadingArguments) Command
    {
        get
        {
            if (IsNbdkit)
            {
                return (ClientTools.Require("nbdkit"), []);
            }

            var gatewayDll = Path.Combine(AppContext.BaseDirectory, "ClusterRamDisk.Gateway.dll");
            Assert.True(File.Exists(gatewayDll), $"The gateway was not copied to the test output: {gatewayDll}");
            // dotnet test exports the host it runs under; fall back to the one on PATH.
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            return (dotnet, [gatewayDll]);
        }
    }

    /// <summary>Runs the server to completion (for --run, --dump-plugin and refused command lines).</summary>
    public static async Task<ToolResult> RunToExitAsync(params string[] arguments)
    {
        var (fileName, leading) = Command;
        return await ToolRunner.RunAsync(fileName, [.. leading, .. arguments], ToolRunner.DefaultTimeout);
    }
}
