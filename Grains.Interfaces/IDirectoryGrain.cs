namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>
/// One level-1 directory (128 MiB) of an export, keyed by (directory index, export name).
/// Offsets are relative to the start of the directory; callers split requests at directory boundaries.
/// </summary>
public interface IDirectoryGrain : IGrainWithIntegerCompoundKey
{
    ValueTask<DirectoryReadResult> Read(int offset, int length);

    /// <remarks>The data is not copied on in-process calls: the caller must leave it untouched until the call completes.</remarks>
    ValueTask Write(int offset, [Immutable] ReadOnlyMemory<byte> data);

    /// <summary>Makes the range read as zeroes, freeing pages that become all zero where the allocator is sparse.</summary>
    ValueTask Zero(int offset, int length);

    ValueTask<Extent[]> GetExtents(int offset, int length);

    ValueTask<DirectoryUsage> GetUsage();
}
