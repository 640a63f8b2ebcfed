using System.Diagnostics;

namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>
/// Has the runtime run socket completions on the threads that poll the sockets instead of handing each one to the thread
/// pool. A RAM disk request takes microseconds and never blocks, so the hand-off (waking a pool thread, which then spins
/// looking for more work) cost more CPU than the request: profiled, half the gateway's samples were pool threads spinning
/// in sched_yield during 4k random writes.
/// </summary>
internal static class InlineSocketCompletions
{
    private const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    private static bool _setHere;

    /// <summary>Must run before the process's first socket operation: the runtime reads the setting once. An explicit setting wins.</summary>
    public static void Enable()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null)
            return;
        Environment.SetEnvironmentVariable(Variable, "1");
        _setHere = true;
    }

    /// <summary>Keeps the setting to this process: a child (the --run command) gets the environment the user gave us.</summary>
    public static void KeepOutOf(ProcessStartInfo child)
    {
        if (_setHere)
            child.Environment.Remove(Variable);
    }
}
