namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>Allocation state of a range, with the same bit values as NBD's <c>base:allocation</c> context.</summary>
[Flags]
public enum ExtentFlags : uint
{
    /// <summary>Allocated and holding data (which may still happen to be zero).</summary>
    Data = 0,
    /// <summary>Not allocated: nothing is stored for it.</summary>
    Hole = 1,
    /// <summary>Reads as zeroes.</summary>
    Zero = 2,
}
