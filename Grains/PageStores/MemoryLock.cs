using System.Runtime.InteropServices;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>Pins memory into RAM with libc's mlock, turning its failure into one actionable line.</summary>
internal static unsafe partial class MemoryLock
{
    public static void Lock(void* address, int length)
    {
        if (mlock(address, (nuint)length) == 0)
            return;
        var errno = Marshal.GetLastPInvokeError();
        throw new InvalidOperationException(
            $"mlock of {DescribeSize(length)} failed ({ErrnoName(errno)}): raise the locked-memory limit (ulimit -l) or run without mlock=true");
    }

    /// <summary>Needed before freeing: small blocks go back to the malloc heap, which would otherwise stay locked.</summary>
    public static void Unlock(void* address, int length) => munlock(address, (nuint)length);

    private static string DescribeSize(int length) =>
        length % (1 << 20) == 0 ? $"{length >> 20} MiB" : $"{length} bytes";

    private static string ErrnoName(int errno) => errno switch
    {
        1 => "EPERM",
        11 => "EAGAIN",
        12 => "ENOMEM",
        22 => "EINVAL",
        _ => $"errno {errno}",
    };

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mlock(void* address, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munlock(void* address, nuint length);
}
