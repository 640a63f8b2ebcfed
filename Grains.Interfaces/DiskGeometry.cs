namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>
/// How the virtual disk is cut up, following nbdkit's sparse array: pages of 32 KiB grouped into
/// level-1 directories of 4096 pages (128 MiB). Each directory is one grain.
/// </summary>
public static class DiskGeometry
{
    public const int PageShift = 15;
    public const int PageSize = 1 << PageShift;
    public const int PagesPerDirectory = 4096;
    public const int DirectoryShift = PageShift + 12;
    public const int DirectorySize = 1 << DirectoryShift;

    /// <summary>The largest disk nbdkit supports, and so do we.</summary>
    public const long MaxDiskSize = long.MaxValue;

    public static long DirectoryIndex(long diskOffset) => diskOffset >> DirectoryShift;

    public static int OffsetInDirectory(long diskOffset) => (int)(diskOffset & (DirectorySize - 1));

    public static long DirectoryStart(long directoryIndex) => directoryIndex << DirectoryShift;

    public static long DirectoryCount(long diskSize) => diskSize == 0 ? 0 : ((diskSize - 1) >> DirectoryShift) + 1;

    /// <summary>Bytes covered by one directory: the last one of a disk may be shorter.</summary>
    public static int DirectoryCapacity(long diskSize, long directoryIndex)
    {
        var start = DirectoryStart(directoryIndex);
        if (start >= diskSize)
            throw new ArgumentOutOfRangeException(nameof(directoryIndex), directoryIndex, "directory lies beyond the end of the disk");
        return (int)Math.Min(DirectorySize, diskSize - start);
    }
}
