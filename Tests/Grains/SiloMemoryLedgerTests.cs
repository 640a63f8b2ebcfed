using ClusterRamDisk.Grains.Memory;

namespace ClusterRamDisk.Tests.Grains;

public sealed class SiloMemoryLedgerTests
{
    private const long Directory = 128L << 20;

    [Fact]
    public void A_placement_hold_is_granted_only_while_a_whole_directory_still_fits_and_lapses_after_a_while()
    {
        var clock = new ManualClock();
        var ledger = new SiloMemoryLedger(Directory * 5 / 2, clock);

        Assert.True(ledger.TryHoldForPlacement(Directory));
        Assert.True(ledger.TryHoldForPlacement(Directory));
        Assert.False(ledger.TryHoldForPlacement(Directory));
        Assert.Equal(Directory / 2, ledger.PlacementFreeBytes);
        Assert.Equal(Directory * 5 / 2, ledger.FreeBytes);

        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(Directory * 5 / 2, ledger.PlacementFreeBytes);
        Assert.True(ledger.TryHoldForPlacement(Directory));
    }

    [Fact]
    public void Memory_in_use_counts_against_placement_holds()
    {
        var ledger = new SiloMemoryLedger(Directory * 2, new ManualClock());
        Assert.True(ledger.TryReserve(Directory + 1));

        Assert.False(ledger.TryHoldForPlacement(Directory));
        Assert.Equal(Directory - 1, ledger.PlacementFreeBytes);
    }

    [Fact]
    public void A_draining_silo_takes_no_placement()
    {
        var ledger = new SiloMemoryLedger(Directory * 4, new ManualClock());
        ledger.StartDraining();

        Assert.False(ledger.TryHoldForPlacement(Directory));
        Assert.Equal(-1, ledger.PlacementFreeBytes);
    }

    [Fact]
    public void Handed_over_pages_are_charged_beyond_the_budget_and_then_nothing_more_is_reserved()
    {
        var ledger = new SiloMemoryLedger(Directory, new ManualClock());

        ledger.Adjust(Directory + 4096);

        Assert.Equal(Directory + 4096, ledger.UsedBytes);
        Assert.Equal(0, ledger.FreeBytes);
        Assert.False(ledger.TryReserve(1));
        ledger.Adjust(-8192);
        Assert.True(ledger.TryReserve(4096));
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
