using System.Diagnostics;
using Xunit.Sdk;

namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>Runs client tools with a bounded time, so a hung tool fails the test instead of hanging the suite.</summary>
internal static class ToolRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static Task<ToolResult> RunAsync(string tool, params string[] arguments) =>
        RunAsync(tool, arguments, DefaultTimeout);

    public static async Task<ToolResult> RunAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        using var process = Start(tool, arguments, out var output);
        var commandLine = $"{tool} {string.Join(' ', arguments)}";
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"`{commandLine}` did not finish within {timeout}\n--- stdout ---\n" +
                                     $"{output.Stdout}\n--- stderr ---\n{output.StderrTail()}");
        }

        // The parameterless wait flushes the asynchronous output readers.
        process.WaitForExit();
        return new ToolResult(commandLine, process.ExitCode, output.Stdout, output.Stderr);
    }

    /// <summary>Starts a tool in the background; the caller owns the process.</summary>
    public static Process Start(string tool, IReadOnlyList<string> arguments, out OutputCapture output)
    {
        var startInfo = new ProcessStartInfo(tool.Contains('/') ? tool : ClientTools.Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["PATH"] = ClientTools.SearchPath;
        var process = Process.Start(startInfo) ?? throw new XunitException($"Could not start {tool}");
        output = new OutputCapture();
        output.Attach(process);
        process.StandardInput.Close();
        return process;
    }
}
