using System.Buffers;
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
        var extents = new List<Extent>();
        if (!TryUse(piece.Directory, (piece, extents, destination),
                static (memory, state) => memory.Read(state.piece.Offset, state.extents, state.destination.Span[..state.piece.Length])))
        {
            segments = [];
            return false;
        }
        segments = DirectoryReadSegments.Build(piece.Directory, extents, destination);
        return true;
    }

    public bool TryWrite(DirectoryPiece piece, ReadOnlySequence<byte> data) =>
        TryUse(piece.Directory, (piece, data), static (memory, state) => memory.Write(state.piece.Offset, state.data));

    public bool TryZero(DirectoryPiece piece) =>
        TryUse(piece.Directory, piece, static (memory, piece) => memory.Zero(piece.Offset, piece.Length));

    public bool TryGetExtents(DirectoryPiece piece, List<Extent> extents) =>
        TryUse(piece.Directory, (piece, extents), static (memory, state) => memory.GetExtents(state.piece.Offset, state.piece.Length, state.extents));

    /// <summary>
    /// Runs <paramref name="use"/> on the directory's memory if it is active here. Static lambdas with their state passed
    /// along keep the per-request path free of closure allocations.
    /// </summary>
    private bool TryUse<TState>(long directory, TState state, Action<DirectoryMemory, TState> use)
    {
        if (directories?.Find(exportKey, directory) is not { } memory)
            return false;
        try
        {
            use(memory, state);
            return true;
        }
        catch (ObjectDisposedException)
        {
            // Withdrawn while deactivating: the grain call finds the directory wherever it is now.
            return false;
        }
    }
}
