using System.ComponentModel;
using System.Runtime.InteropServices;

namespace ClusterRamDisk.Tests.PageStores;

/// <summary>
/// Runs code bound by RLIMIT_MEMLOCK the way an ordinary user is. Tests run as root, whose CAP_IPC_LOCK
/// ignores the limit; capabilities belong to a thread, so a dedicated thread drops it and the rest of the
/// process keeps its privileges. The limit itself is process-wide, so it is lowered only when it is too high.
/// </summary>
internal static unsafe partial class UnprivilegedMemoryLock
{
    private const int RlimitMemlock = 8;
    private const uint CapabilityVersion3 = 0x20080522;
    private const int CapIpcLock = 14;

    /// <summary>Runs <paramref name="action"/> with at most <paramref name="lockableBytes"/> lockable; returns what it threw.</summary>
    public static Exception? Run(long lockableBytes, Action action)
    {
        Check(getrlimit(RlimitMemlock, out var original));
        var lower = original.Current > (ulong)lockableBytes;
        if (lower)
            Check(setrlimit(RlimitMemlock, original with { Current = (ulong)lockableBytes }));
        try
        {
            Exception? failure = null;
            var thread = new Thread(() =>
            {
                DropIpcLockFromThisThread();
                try
                {
                    action();
                }
                catch (Exception exception)
                {
                    failure = exception;
                }
            });
            thread.Start();
            thread.Join();
            return failure;
        }
        finally
        {
            if (lower)
                Check(setrlimit(RlimitMemlock, original));
        }
    }

    private static void DropIpcLockFromThisThread()
    {
        var header = new CapabilityHeader(CapabilityVersion3, ThreadId: 0);
        var data = stackalloc CapabilityData[2];
        Check(capget(&header, data));
        data[0].Effective &= ~(1u << CapIpcLock);
        Check(capset(&header, data));
    }

    private static void Check(int result)
    {
        if (result != 0)
            throw new Win32Exception(Marshal.GetLastPInvokeError());
    }

    private record struct ResourceLimit(ulong Current, ulong Maximum);

    /// <summary>Thread id 0 means the calling thread.</summary>
    private record struct CapabilityHeader(uint Version, int ThreadId);

    private record struct CapabilityData(uint Effective, uint Permitted, uint Inheritable);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, out ResourceLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, in ResourceLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int capget(CapabilityHeader* header, CapabilityData* data);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int capset(CapabilityHeader* header, CapabilityData* data);
}
