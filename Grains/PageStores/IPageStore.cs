using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>
/// The memory of one directory, like nbdkit's allocator function table: every allocator implements
/// these few operations. Offsets are relative to the directory; a store is used by one grain at a time.
/// </summary>
public interface IPageStore : IDisposable
{
    /// <summary>Bytes this store covers (a directory's size, or less for the last directory of a disk).</summary>
    int Capacity { get; }

    void Read(int offset, Span<byte> destination);

    /// <returns>How much <see cref="Usage"/>'s stored bytes changed, so callers settle their accounts without asking again.</returns>
    long Write(int offset, ReadOnlySpan<byte> source);

    /// <summary>Makes the range read as zeroes.</summary>
    /// <returns>How much <see cref="Usage"/>'s stored bytes changed (never grows for sparse pages; zstd may recompress a page larger).</returns>
    long Zero(int offset, int length);

    /// <summary>Appends the extents covering [offset, offset + length), adjacent runs of equal flags merged.</summary>
    void GetExtents(int offset, int length, List<Extent> extents);

    DirectoryUsage Usage { get; }

    /// <summary>
    /// The most that writing [offset, offset + length) can add to <see cref="Usage"/>'s stored bytes, whatever the data:
    /// callers reserve it from the silo's budget before they write.
    /// </summary>
    long MaxGrowth(int offset, int length);
}
