namespace ClusterRamDisk.Grains.Memory;

/// <summary>
/// The page memory this silo holds for all its directories, against its budget. Directories reserve before they
/// grow and settle afterwards, so the silo never holds more than its budget, whichever caller writes.
/// </summary>
public sealed class SiloMemoryLedger
{
    // A directory just placed here holds no pages yet; for a while its expected size counts against what placement
    // sees, so that directories created at the same moment spread over the silos instead of all landing on one.
    private static readonly TimeSpan PlacementHoldTime = TimeSpan.FromSeconds(10);

    private readonly Lock _holdsGate = new();
    private readonly Queue<(long Bytes, long ExpiresAt)> _placementHolds = new();
    private readonly TimeProvider _time;
    private long _used;

    public SiloMemoryLedger(long budgetBytes, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        BudgetBytes = budgetBytes;
        _time = time ?? TimeProvider.System;
    }

    public long BudgetBytes { get; }

    /// <summary>Bytes held or reserved.</summary>
    public long UsedBytes => Volatile.Read(ref _used);

    public long FreeBytes => Math.Max(0, BudgetBytes - UsedBytes);

    /// <summary>Set once the silo starts handing its directories over: from then on placement must look elsewhere.</summary>
    public bool Draining { get; private set; }

    public void StartDraining() => Draining = true;

    /// <summary>
    /// What placement should count on: the free budget less what directories placed here moments ago will likely take;
    /// -1 while draining, so that a leaving silo is chosen only if no other silo answers.
    /// </summary>
    public long PlacementFreeBytes
    {
        get
        {
            if (Draining)
                return -1;
            lock (_holdsGate)
                return PlacementFreeBytesLocked();
        }
    }

    /// <summary>
    /// Holds <paramref name="bytes"/> for a directory just placed here, but only if they fit in what placement can count
    /// on: deciding and holding in one step, so that placements decided at the same moment on different silos cannot
    /// all count on the same free budget.
    /// </summary>
    public bool TryHoldForPlacement(long bytes)
    {
        if (Draining)
            return false;
        lock (_holdsGate)
        {
            if (PlacementFreeBytesLocked() < bytes)
                return false;
            _placementHolds.Enqueue((bytes, _time.GetTimestamp() + (long)(PlacementHoldTime.TotalSeconds * _time.TimestampFrequency)));
            return true;
        }
    }

    /// <summary>Claims <paramref name="bytes"/> if they fit in the budget; false (and nothing claimed) otherwise.</summary>
    public bool TryReserve(long bytes)
    {
        var used = Volatile.Read(ref _used);
        while (true)
        {
            if (bytes > BudgetBytes - used)
                return false;
            var seen = Interlocked.CompareExchange(ref _used, used + bytes, used);
            if (seen == used)
                return true;
            used = seen;
        }
    }

    /// <summary>
    /// Corrects the claim once the real change is known: negative when memory was freed or a reservation was too large.
    /// Unchecked, so it also charges pages that already exist (a directory handed over by a stopping silo), where
    /// refusing would destroy their only copy.
    /// </summary>
    public void Adjust(long bytes) => Interlocked.Add(ref _used, bytes);

    private long PlacementFreeBytesLocked()
    {
        var now = _time.GetTimestamp();
        while (_placementHolds.TryPeek(out var hold) && hold.ExpiresAt <= now)
            _placementHolds.Dequeue();
        var held = 0L;
        foreach (var hold in _placementHolds)
            held += hold.Bytes;
        return Math.Max(0, FreeBytes - held);
    }
}
