using System.Diagnostics;
using System.Globalization;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>
/// The --run command. As nbdkit does, it runs through <c>/bin/sh -c</c> with the shell variables
/// <c>$uri</c>, <c>$nbd</c>, <c>$port</c>, <c>$unixsocket</c> and <c>$exportname</c> set (not exported) ahead of
/// it, and with our stdin, stdout and stderr.
/// </summary>
public static class CaptiveCommand
{
    /// <summary>
    /// Runs <paramref name="command"/> against a server listening on either <paramref name="tcpPort"/> or
    /// <paramref name="unixSocket"/>, and returns the status the gateway should exit with: the command's exit
    /// status, or 128 + the signal number if a signal killed it, as nbdkit returns.
    /// </summary>
    /// <remarks>Cancelling stops the wait but leaves the command running, as nbdkit leaves it when killed.</remarks>
    public static async Task<int> RunAsync(string command, string exportName, int? tcpPort, string? unixSocket, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(BuildScript(command, exportName, tcpPort, unixSocket));
        using var process = Process.Start(startInfo)!;
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        // .NET reports a signalled child as 128 + signal, the same number nbdkit exits with.
        return process.ExitCode;
    }

    internal static string BuildScript(string command, string exportName, int? tcpPort, string? unixSocket)
    {
        if ((tcpPort is null) == (unixSocket is null))
            throw new ArgumentException("the server listens on exactly one of a TCP port and a Unix socket");

        var uri = unixSocket is null ? NbdUri.ForTcp(tcpPort!.Value, exportName) : NbdUri.ForUnixSocket(unixSocket, exportName);
        return $"""
            exportname={ShellQuote(exportName)}
            uri={ShellQuote(uri)}
            nbd={ShellQuote(uri)}
            port={ShellQuote(tcpPort?.ToString(CultureInfo.InvariantCulture) ?? "")}
            unixsocket={ShellQuote(unixSocket ?? "")}
            {command}
            """;
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
