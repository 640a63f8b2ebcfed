namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Runs the libnbd Python scripts in Scripts/ (copied next to the test assembly). A script signals success
/// by exiting 0; on failure its output (assertion and traceback) becomes the test's failure message.
/// </summary>
internal static class PythonScripts
{
    public static string PathOf(string script) => Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Scripts", script);

    public static async Task<ToolResult> RunAsync(string script, params string[] arguments) =>
        await RunAsync(script, ToolRunner.DefaultTimeout, arguments);

    public static async Task<ToolResult> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var path = PathOf(script);
        Assert.True(File.Exists(path), $"Script missing from the test output: {path}");
        return await ToolRunner.RunAsync(ClientTools.Python, [path, .. arguments], timeout);
    }

    /// <summary>Runs a script against a server and fails with the script's and the server's output.</summary>
    public static async Task AssertPassesAsync(NbdServer server, string script, params string[] arguments)
    {
        var result = await RunAsync(script, [server.Uri, .. arguments]);
        Assert.True(result.ExitCode == 0, $"{result.Describe()}\n{server.Describe()}");
    }
}
