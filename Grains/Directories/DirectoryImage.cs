using System.Buffers;
using System.Buffers.Binary;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.PageStores;

namespace ClusterRamDisk.Grains.Directories;

/// <summary>
/// A directory's pages as bytes, for a move to another silo: a header (capacity, allocator, mlock) then each page that
/// holds non-zero data as its index and plain bytes. The receiving silo rebuilds the store with the same allocator.
/// </summary>
public static class DirectoryImage
{
    private const int HeaderLength = sizeof(int) + 2;

    public static void Write(IPageStore store, AllocatorKind allocator, bool mlock, IBufferWriter<byte> writer)
    {
        var header = writer.GetSpan(HeaderLength);
        BinaryPrimitives.WriteInt32LittleEndian(header, store.Capacity);
        header[sizeof(int)] = (byte)allocator;
        header[sizeof(int) + 1] = mlock ? (byte)1 : (byte)0;
        writer.Advance(HeaderLength);

        var extents = new List<Extent>();
        store.GetExtents(0, store.Capacity, extents);
        foreach (var extent in extents.Where(extent => !extent.Flags.HasFlag(ExtentFlags.Hole) && !extent.Flags.HasFlag(ExtentFlags.Zero)))
        {
            for (var page = (int)(extent.Offset / DiskGeometry.PageSize); (long)page * DiskGeometry.PageSize < extent.Offset + extent.Length; page++)
            {
                var pageOffset = page * DiskGeometry.PageSize;
                var pageLength = Math.Min(DiskGeometry.PageSize, store.Capacity - pageOffset);
                var record = writer.GetSpan(sizeof(int) + pageLength);
                store.Read(pageOffset, record.Slice(sizeof(int), pageLength));
                if (!record.Slice(sizeof(int), pageLength).ContainsAnyExcept((byte)0))
                    continue;
                BinaryPrimitives.WriteInt32LittleEndian(record, page);
                writer.Advance(sizeof(int) + pageLength);
            }
        }
    }

    public static IPageStore Read(ReadOnlySequence<byte> image)
    {
        var reader = new SequenceReader<byte>(image);
        if (!reader.TryReadLittleEndian(out int capacity) || !reader.TryRead(out var allocator) || !reader.TryRead(out var mlock))
            throw new InvalidDataException("directory image without a header");
        var store = PageStoreFactory.Create((AllocatorKind)allocator, mlock == 1, capacity);
        try
        {
            var page = new byte[DiskGeometry.PageSize];
            while (reader.TryReadLittleEndian(out int index))
            {
                var pageOffset = index * DiskGeometry.PageSize;
                var pageLength = Math.Min(DiskGeometry.PageSize, capacity - pageOffset);
                if (!reader.TryCopyTo(page.AsSpan(0, pageLength)))
                    throw new InvalidDataException($"directory image ends inside page {index}");
                reader.Advance(pageLength);
                store.Write(pageOffset, page.AsSpan(0, pageLength));
            }
            if (!reader.End)
                throw new InvalidDataException("directory image ends inside a page index");
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
