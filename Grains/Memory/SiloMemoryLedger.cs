namespace ClusterRamDisk.Grains.Memory;

/// <summary>
/// The page memory this silo holds for all its directories, against its budget. Directories reserve before they
/// grow and settle afterwards, so the silo never holds more than its budget, whichever caller writes.
/// </summary>
public sealed class SiloMemoryLedger
{
    private long _used;

    public SiloMemoryLedger(long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        BudgetBytes = budgetBytes;
    }

    public long BudgetBytes { get; }

    /// <summary>Bytes held or reserved.</summary>
    public long UsedBytes => Volatile.Read(ref _used);

    public long FreeBytes => Math.Max(0, BudgetBytes - UsedBytes);

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

    /// <summary>Corrects the claim once the real change is known: negative when memory was freed or a reservation was too large.</summary>
    public void Adjust(long bytes) => Interlocked.Add(ref _used, bytes);
}
