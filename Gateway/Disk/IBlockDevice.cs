using System.Buffers;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Disk;

/// <summary>
/// The disk as the NBD session sees it. Callers check ranges against <see cref="Size"/> first;
/// failures surface as <see cref="DiskException"/>.
/// </summary>
public interface IBlockDevice
{
    long Size { get; }

    ValueTask<ReadResult> ReadAsync(long offset, int length, CancellationToken cancellationToken);

    /// <summary>
    /// Data is kept in pages of this many bytes: a <see cref="TryWriteNow"/> that starts and ends on page boundaries
    /// changes each page once.
    /// </summary>
    int PageSize { get; }

    /// <remarks>The device may use <paramref name="data"/> without copying until the returned task completes.</remarks>
    ValueTask WriteAsync(long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the data at once, straight from the buffers it lies in, where the device can do so without waiting (its
    /// pages are in this process). False where it cannot, or where storing failed: none or only part of the data is then
    /// stored, and the caller writes the whole range with <see cref="WriteAsync"/>, which reports any failure.
    /// </summary>
    bool TryWriteNow(long offset, in ReadOnlySequence<byte> data);

    /// <summary>Zeroes the range (trim is the same operation for a RAM disk).</summary>
    ValueTask ZeroAsync(long offset, long length, CancellationToken cancellationToken);

    /// <summary>Extents covering at least the start of the range, in disk offsets, ascending and contiguous.</summary>
    ValueTask<IReadOnlyList<Extent>> GetExtentsAsync(long offset, long length, CancellationToken cancellationToken);

    /// <summary>Completes once every acknowledged write is as durable as the device makes it.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
