using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Disk;

/// <summary>The part of a disk request that falls in one directory.</summary>
internal readonly record struct DirectoryPiece(long Directory, int Offset, int Length, long DiskOffset)
{
    /// <summary>Cuts [offset, offset + length) at directory boundaries; length must be positive.</summary>
    public static DirectoryPiece[] Split(long offset, long length)
    {
        var first = DiskGeometry.DirectoryIndex(offset);
        var last = DiskGeometry.DirectoryIndex(offset + length - 1);
        var pieces = new DirectoryPiece[last - first + 1];
        var position = offset;
        var end = offset + length;
        for (var i = 0; i < pieces.Length; i++)
        {
            var inDirectory = DiskGeometry.OffsetInDirectory(position);
            var pieceLength = (int)Math.Min(DiskGeometry.DirectorySize - inDirectory, end - position);
            pieces[i] = new DirectoryPiece(first + i, inDirectory, pieceLength, position);
            position += pieceLength;
        }
        return pieces;
    }
}
