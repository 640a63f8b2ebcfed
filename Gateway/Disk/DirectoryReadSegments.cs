using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Disk;

/// <summary>Turns a directory's read (extents plus the data of its non-hole extents, back to back) into read segments in disk offsets.</summary>
internal static class DirectoryReadSegments
{
    public static ReadSegment[] Build(long directory, IReadOnlyList<Extent> extents, ReadOnlyMemory<byte> data)
    {
        var segments = new ReadSegment[extents.Count];
        var directoryStart = DiskGeometry.DirectoryStart(directory);
        var dataPosition = 0;
        for (var i = 0; i < segments.Length; i++)
        {
            var extent = extents[i];
            var isHole = extent.Flags.HasFlag(ExtentFlags.Hole);
            var extentData = isHole ? ReadOnlyMemory<byte>.Empty : data.Slice(dataPosition, (int)extent.Length);
            if (!isHole)
                dataPosition += (int)extent.Length;
            segments[i] = new ReadSegment(directoryStart + extent.Offset, (int)extent.Length, isHole, extentData);
        }
        return segments;
    }
}
