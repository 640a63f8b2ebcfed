using System.Runtime.InteropServices;

namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>POSIX signals: .NET can only SIGKILL a process, but a graceful shutdown is driven by SIGTERM.</summary>
internal static partial class Signals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int SigInt = 2;

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException(
                $"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int processId, int signal);
}
