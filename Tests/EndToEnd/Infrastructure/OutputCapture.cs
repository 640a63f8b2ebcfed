using System.Diagnostics;
using System.Text;

namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>Collects a child process's stdout and stderr as they arrive, so they can be shown on failure.</summary>
internal sealed class OutputCapture
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    /// <summary>The last lines of stderr: enough to explain a failure without flooding the report.</summary>
    public string StderrTail(int lines = 30)
    {
        var all = Stderr.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private static void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder source)
    {
        lock (source)
        {
            return source.ToString();
        }
    }
}
