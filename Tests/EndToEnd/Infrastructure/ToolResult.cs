namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>What a finished client tool left behind.</summary>
internal sealed record ToolResult(string CommandLine, int ExitCode, string Stdout, string Stderr)
{
    public string Describe() => $"`{CommandLine}` exited {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    /// <summary>Fails with the full output unless the tool succeeded.</summary>
    public ToolResult AssertSuccess()
    {
        Assert.True(ExitCode == 0, Describe());
        return this;
    }
}
