using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Disk;

/// <summary>
/// Serves a directory piece straight from the directory's memory when its grain is active in this process, saving the
/// grain call's message and thread hops. Each method returns false when the directory is not (or no longer) active
/// here: the caller then calls the grain, which works wherever the directory lives.
/// </summary>
internal sealed class LocalDirectoryAccess(LocalDirectories? directories, string exportKey)
{
    public bool TryRead(DirectoryPiece piece, Memory<byte> destination, out ReadSegment[] segments)
    {
        segments = [];
        if (Find(piece.Directory) is not { } memory)
            return false;
        var extents = new List<Extent>();
        try
        {
            memory.Read(piece.Offset, extents, destination.Span[..piece.Length]);
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        segments = DirectoryReadSegments.Build(piece.Directory, extents, destination);
        return true;
    }

    public bool TryWrite(DirectoryPiece piece, ReadOnlySpan<byte> data)
    {
        if (Find(piece.Directory) is not { } memory)
            return false;
        try
        {
            memory.Write(piece.Offset, data);
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public bool TryZero(DirectoryPiece piece)
    {
        if (Find(piece.Directory) is not { } memory)
            return false;
        try
        {
            memory.Zero(piece.Offset, piece.Length);
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public bool TryGetExtents(DirectoryPiece piece, List<Extent> extents)
    {
        if (Find(piece.Directory) is not { } memory)
            return false;
        try
        {
            memory.GetExtents(piece.Offset, piece.Length, extents);
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private DirectoryMemory? Find(long directory) => directories?.Find(exportKey, directory);
}
