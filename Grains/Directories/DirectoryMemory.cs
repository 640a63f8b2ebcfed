using System.Buffers;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Grains.Memory;
using ClusterRamDisk.Grains.PageStores;

namespace ClusterRamDisk.Grains.Directories;

/// <summary>
/// The pages of one active directory, reachable both by its grain and, through <see cref="LocalDirectories"/>, by callers
/// in the same process that skip grain messaging. A lock stands in for the grain's one-call-at-a-time guarantee.
/// Offsets are relative to the directory; a range outside it throws <see cref="ArgumentOutOfRangeException"/>.
/// Every change of the pages' size is charged to the silo's <see cref="SiloMemoryLedger"/>: a write that could take the
/// silo over its budget throws <see cref="DiskFullException"/> and changes nothing.
/// </summary>
public sealed class DirectoryMemory
{
    private readonly Lock _gate = new();
    private readonly IPageStore _store;
    private readonly SiloMemoryLedger _ledger;
    // What this directory has charged to the ledger: the store's stored bytes after every settled change.
    private long _charged;
    private bool _withdrawn;

    /// <summary>Takes <paramref name="store"/> with its memory already charged to <paramref name="ledger"/>.</summary>
    private DirectoryMemory(IPageStore store, SiloMemoryLedger ledger)
    {
        _store = store;
        _ledger = ledger;
        _charged = store.Usage.StoredBytes;
    }

    /// <summary>Takes charge of a store just created here, whose memory (all of it, for malloc) must fit in the ledger's budget.</summary>
    internal static DirectoryMemory ForNewStore(IPageStore store, SiloMemoryLedger ledger)
    {
        if (!ledger.TryReserve(store.Usage.StoredBytes))
            throw Full(store.Usage.StoredBytes, ledger);
        return new DirectoryMemory(store, ledger);
    }

    /// <summary>
    /// Takes charge of pages handed over by another silo, even beyond the budget: they exist nowhere else, and placement
    /// sent them here because this silo had the most room.
    /// </summary>
    internal static DirectoryMemory ForHandedOverStore(IPageStore store, SiloMemoryLedger ledger)
    {
        ledger.Adjust(store.Usage.StoredBytes);
        return new DirectoryMemory(store, ledger);
    }

    public DirectoryUsage Usage
    {
        get
        {
            lock (_gate)
            {
                ThrowIfWithdrawn();
                return _store.Usage;
            }
        }
    }

    /// <summary>For the grain's own reply: the data of the non-hole extents, back to back, in an array of exactly their size.</summary>
    public byte[] Read(int offset, int length, List<Extent> extents)
    {
        lock (_gate)
        {
            AppendExtentsLocked(offset, length, extents);
            var data = GC.AllocateUninitializedArray<byte>((int)DataLength(extents));
            CopyDataLocked(extents, data);
            return data;
        }
    }

    /// <summary>For in-process callers: as the other overload, into <paramref name="destination"/> (the range's length suffices).</summary>
    public void Read(int offset, List<Extent> extents, Span<byte> destination)
    {
        lock (_gate)
        {
            AppendExtentsLocked(offset, destination.Length, extents);
            CopyDataLocked(extents, destination);
        }
    }

    public void Write(int offset, ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            CheckRangeLocked(offset, data.Length);
            // Overwriting pages that are already whole reserves nothing, and so never touches the shared ledger.
            var reserved = _store.MaxGrowth(offset, data.Length);
            if (reserved > 0 && !_ledger.TryReserve(reserved))
                throw Full(reserved, _ledger);
            long growth;
            try
            {
                growth = _store.Write(offset, data);
            }
            catch
            {
                SettleAfterFailureLocked(reserved);
                throw;
            }
            SettleLocked(growth, reserved);
        }
    }

    /// <summary>
    /// For data still in the buffers it arrived in: writes each buffer's run of whole pages at once, and gathers a page that
    /// straddles two buffers first, so that no page is written in two halves (for zstd, each half would cost a compression).
    /// </summary>
    public void Write(int offset, in ReadOnlySequence<byte> data)
    {
        if (data.IsSingleSegment)
        {
            Write(offset, data.FirstSpan);
            return;
        }
        byte[]? straddling = null;
        try
        {
            var reader = new SequenceReader<byte>(data);
            var position = offset;
            while (!reader.End)
            {
                var span = reader.UnreadSpan;
                var run = span.Length >= reader.Remaining ? (int)reader.Remaining : WholePagesFrom(position, span.Length);
                if (run > 0)
                {
                    Write(position, span[..run]);
                }
                else
                {
                    run = (int)Math.Min(reader.Remaining, DiskGeometry.PageSize - (position & (DiskGeometry.PageSize - 1)));
                    straddling ??= ArrayPool<byte>.Shared.Rent(DiskGeometry.PageSize);
                    reader.TryCopyTo(straddling.AsSpan(0, run));
                    Write(position, straddling.AsSpan(0, run));
                }
                reader.Advance(run);
                position += run;
            }
        }
        finally
        {
            if (straddling is not null)
                ArrayPool<byte>.Shared.Return(straddling);
        }
    }

    public void Zero(int offset, int length)
    {
        lock (_gate)
        {
            CheckRangeLocked(offset, length);
            long growth;
            try
            {
                growth = _store.Zero(offset, length);
            }
            catch
            {
                SettleAfterFailureLocked(reserved: 0);
                throw;
            }
            SettleLocked(growth, reserved: 0);
        }
    }

    public void GetExtents(int offset, int length, List<Extent> extents)
    {
        lock (_gate)
            AppendExtentsLocked(offset, length, extents);
    }

    /// <summary>
    /// Ends access from outside the grain before it deactivates: waits out a call in progress, then makes every later
    /// call throw <see cref="ObjectDisposedException"/>, on which callers fall back to calling the grain.
    /// </summary>
    internal void Withdraw()
    {
        lock (_gate)
        {
            if (_withdrawn)
                return;
            _withdrawn = true;
            _ledger.Adjust(-_charged);
        }
    }

    /// <summary>Turns the reservation into the change the store reported.</summary>
    private void SettleLocked(long growth, long reserved)
    {
        _charged += growth;
        if (growth != reserved)
            _ledger.Adjust(growth - reserved);
    }

    /// <summary>A store that failed part-way reported nothing, so what it holds now is asked for.</summary>
    private void SettleAfterFailureLocked(long reserved) => SettleLocked(_store.Usage.StoredBytes - _charged, reserved);

    private static DiskFullException Full(long bytes, SiloMemoryLedger ledger) =>
        new($"no memory left on this silo for {bytes} more bytes: {ledger.UsedBytes} of its {ledger.BudgetBytes}-byte budget are in use");

    /// <summary>How many of <paramref name="available"/> bytes from <paramref name="position"/> end on a page boundary.</summary>
    private static int WholePagesFrom(int position, int available) =>
        ((position + available) & ~(DiskGeometry.PageSize - 1)) - position;

    private static long DataLength(List<Extent> extents)
    {
        var length = 0L;
        foreach (var extent in extents)
            if (!extent.Flags.HasFlag(ExtentFlags.Hole))
                length += extent.Length;
        return length;
    }

    private void AppendExtentsLocked(int offset, int length, List<Extent> extents)
    {
        CheckRangeLocked(offset, length);
        _store.GetExtents(offset, length, extents);
    }

    private void CopyDataLocked(List<Extent> extents, Span<byte> destination)
    {
        var position = 0;
        foreach (var extent in extents)
        {
            if (extent.Flags.HasFlag(ExtentFlags.Hole))
                continue;
            _store.Read((int)extent.Offset, destination.Slice(position, (int)extent.Length));
            position += (int)extent.Length;
        }
    }

    private void CheckRangeLocked(int offset, int length)
    {
        ThrowIfWithdrawn();
        // Callers split and check requests; a range outside the directory is a bug worth failing loudly on.
        if (offset < 0 || length < 0 || (long)offset + length > _store.Capacity)
            throw new ArgumentOutOfRangeException(nameof(offset), $"range {offset}+{length} is outside directory of {_store.Capacity} bytes");
    }

    private void ThrowIfWithdrawn() => ObjectDisposedException.ThrowIf(_withdrawn, this);
}
