using System.Buffers;
using System.Collections.Concurrent;
using ClusterRamDisk.Grains.Directories;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Disk;

/// <summary>
/// The disk as a row of directory grains: splits each request at directory boundaries, sends the pieces
/// to their grains in parallel, and answers ranges of never-created directories itself.
/// </summary>
public sealed class GrainBackedDisk : IBlockDevice
{
    // BLOCK_STATUS lengths are 32-bit, so 33 directories cover any request; the cap only guards other callers.
    private const int MaxDirectoriesPerExtentQuery = 64;

    private readonly IGrainFactory _grains;
    private readonly IExportGrain _export;
    private readonly string _exportKey;
    private readonly LocalDirectoryAccess? _local;

    // Directories known to exist. A directory is never destroyed, so entries never go stale; absence is
    // asked of the export grain each time, because another gateway may have created the directory since.
    // Unknown directories read as zeroes without a grain call: only a write creates one.
    private readonly ConcurrentDictionary<long, bool> _knownDirectories = new();

    /// <param name="localDirectories">This process's active directories when it hosts a silo: they are then served without grain calls.</param>
    public GrainBackedDisk(IGrainFactory grains, ExportSettings settings, LocalDirectories? localDirectories = null)
    {
        _grains = grains;
        _exportKey = ExportKey.Of(settings.Name);
        _local = localDirectories is null ? null : new LocalDirectoryAccess(localDirectories, _exportKey);
        _export = grains.GetGrain<IExportGrain>(_exportKey);
        Size = settings.Size;
    }

    public long Size { get; }

    public ValueTask<ReadResult> ReadAsync(long offset, int length, CancellationToken cancellationToken) =>
        DiskFailure.Translated(ReadPiecesAsync(offset, length));

    public ValueTask WriteAsync(long offset, ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        DiskFailure.Translated(WritePiecesAsync(offset, data));

    public int PageSize => DiskGeometry.PageSize;

    public bool TryWriteNow(long offset, in ReadOnlySequence<byte> data)
    {
        if (_local is null)
            return false;
        try
        {
            foreach (var piece in DirectoryPiece.Split(offset, data.Length))
                if (!_local.TryWrite(piece, data.Slice(piece.DiskOffset - offset, piece.Length)))
                    return false;
            return true;
        }
        catch (DiskFullException)
        {
            // WriteAsync meets the same shortage and reports it.
            return false;
        }
    }

    public ValueTask ZeroAsync(long offset, long length, CancellationToken cancellationToken) =>
        DiskFailure.Translated(ZeroPiecesAsync(offset, length));

    public ValueTask<IReadOnlyList<Extent>> GetExtentsAsync(long offset, long length, CancellationToken cancellationToken) =>
        DiskFailure.Translated(GetMergedExtentsAsync(offset, length));

    /// <summary>Every acknowledged write already sits in its directory's memory: there is nothing more to make durable.</summary>
    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Creates every directory now, so that an allocator without sparseness claims its memory at start-up.</summary>
    public async Task CreateAllDirectoriesAsync(CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            LongRange(DiskGeometry.DirectoryCount(Size)),
            cancellationToken,
            async (index, _) =>
            {
                await Directory(index).GetUsage();
                _knownDirectories.TryAdd(index, true);
            });
    }

    private async ValueTask<ReadResult> ReadPiecesAsync(long offset, int length)
    {
        if (length == 0)
            return new ReadResult([]);
        var pieces = DirectoryPiece.Split(offset, length);
        await LearnExistingDirectoriesAsync(pieces[0].Directory, pieces[^1].Directory);

        // Local directories copy into one pooled buffer, each piece into its own part of it.
        var buffer = _local is null ? null : ArrayPool<byte>.Shared.Rent(length);
        try
        {
            if (pieces.Length == 1)
                return new ReadResult(await ReadPieceAsync(pieces[0], PartOf(buffer, 0, length)), buffer);

            var parts = await Task.WhenAll(pieces.Select(piece =>
                ReadPieceAsync(piece, PartOf(buffer, (int)(piece.DiskOffset - offset), piece.Length)).AsTask()));
            return new ReadResult(parts.SelectMany(segments => segments).ToArray(), buffer);
        }
        catch
        {
            if (buffer is not null)
                ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private async ValueTask WritePiecesAsync(long offset, ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
            return;
        var pieces = DirectoryPiece.Split(offset, data.Length);
        if (pieces.Length == 1)
            await WritePieceAsync(pieces[0], data);
        else
            await Task.WhenAll(pieces.Select(piece => WritePieceAsync(piece, data.Slice((int)(piece.DiskOffset - offset), piece.Length)).AsTask()));
    }

    private async ValueTask ZeroPiecesAsync(long offset, long length)
    {
        if (length == 0)
            return;
        var pieces = DirectoryPiece.Split(offset, length);
        await LearnExistingDirectoriesAsync(pieces[0].Directory, pieces[^1].Directory);
        // A directory that does not exist already reads as zeroes.
        await Task.WhenAll(pieces
            .Where(piece => _knownDirectories.ContainsKey(piece.Directory))
            .Where(piece => _local?.TryZero(piece) != true)
            .Select(piece => Directory(piece.Directory).Zero(piece.Offset, piece.Length).AsTask()));
    }

    private async ValueTask<IReadOnlyList<Extent>> GetMergedExtentsAsync(long offset, long length)
    {
        if (length == 0)
            return [];
        var lastDirectory = Math.Min(DiskGeometry.DirectoryIndex(offset + length - 1), DiskGeometry.DirectoryIndex(offset) + MaxDirectoriesPerExtentQuery - 1);
        length = Math.Min(length, DiskGeometry.DirectoryStart(lastDirectory + 1) - offset);

        var pieces = DirectoryPiece.Split(offset, length);
        await LearnExistingDirectoriesAsync(pieces[0].Directory, pieces[^1].Directory);
        var parts = await Task.WhenAll(pieces.Select(GetPieceExtentsAsync));

        var merged = new List<Extent>();
        foreach (var extent in parts.SelectMany(extents => extents))
        {
            if (merged.Count > 0 && merged[^1].Flags == extent.Flags)
                merged[^1] = merged[^1] with { Length = merged[^1].Length + extent.Length };
            else
                merged.Add(extent);
        }
        return merged;
    }

    /// <param name="localBuffer">Room for the piece's data should its directory be local; empty without local access.</param>
    private async ValueTask<ReadSegment[]> ReadPieceAsync(DirectoryPiece piece, Memory<byte> localBuffer)
    {
        if (!_knownDirectories.ContainsKey(piece.Directory))
            return [new ReadSegment(piece.DiskOffset, piece.Length, IsHole: true, ReadOnlyMemory<byte>.Empty)];
        if (_local is not null && _local.TryRead(piece, localBuffer, out var localSegments))
            return localSegments;

        var result = await Directory(piece.Directory).Read(piece.Offset, piece.Length);
        return DirectoryReadSegments.Build(piece.Directory, result.Extents, result.Data);
    }

    private async ValueTask WritePieceAsync(DirectoryPiece piece, ReadOnlyMemory<byte> data)
    {
        if (_local is not null && _local.TryWrite(piece, new ReadOnlySequence<byte>(data)))
            return;
        // The first write creates the directory: its grain registers itself with the export as it activates.
        await Directory(piece.Directory).Write(piece.Offset, data);
        _knownDirectories.TryAdd(piece.Directory, true);
    }

    private async Task<IEnumerable<Extent>> GetPieceExtentsAsync(DirectoryPiece piece)
    {
        if (!_knownDirectories.ContainsKey(piece.Directory))
            return [new Extent(piece.DiskOffset, piece.Length, ExtentFlags.Hole | ExtentFlags.Zero)];
        var directoryStart = DiskGeometry.DirectoryStart(piece.Directory);
        var localExtents = new List<Extent>();
        IReadOnlyList<Extent> extents = _local is not null && _local.TryGetExtents(piece, localExtents)
            ? localExtents
            : await Directory(piece.Directory).GetExtents(piece.Offset, piece.Length);
        return extents.Select(extent => extent with { Offset = directoryStart + extent.Offset });
    }

    private async ValueTask LearnExistingDirectoriesAsync(long first, long last)
    {
        for (var index = first; index <= last; index++)
        {
            if (_knownDirectories.ContainsKey(index))
                continue;
            foreach (var created in await _export.GetDirectories(index, last - index + 1))
                _knownDirectories.TryAdd(created, true);
            return;
        }
    }

    private static Memory<byte> PartOf(byte[]? buffer, int start, int length) => buffer is null ? Memory<byte>.Empty : buffer.AsMemory(start, length);

    private IDirectoryGrain Directory(long index) => _grains.GetGrain<IDirectoryGrain>(index, _exportKey);

    private static IEnumerable<long> LongRange(long count)
    {
        for (var i = 0L; i < count; i++)
            yield return i;
    }
}
