using Xunit.Sdk;

namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Finds the real NBD client tools. A missing tool fails the test loudly: a skipped end-to-end test would
/// hide the fact that nothing was verified.
/// </summary>
internal static class ClientTools
{
    /// <summary>python3-libnbd is installed for the system interpreter only, whatever python3 PATH finds.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>Directories searched first, so the Debian tools (and nbdsh's python3) win over other installs.</summary>
    public static readonly string SearchPath = string.Join(
        Path.PathSeparator,
        new[] { "/usr/bin", "/bin", "/usr/sbin", "/sbin" }.Append(Environment.GetEnvironmentVariable("PATH") ?? ""));

    public static string Require(string tool)
    {
        foreach (var directory in SearchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new XunitException($"Client tool '{tool}' is not installed. Run scripts/test.sh (it installs " +
                                 "libnbd-bin, python3-libnbd, qemu-utils, fio, nbdkit) or install it with apt-get.");
    }
}
