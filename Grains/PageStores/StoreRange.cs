namespace ClusterRamDisk.Grains.PageStores;

/// <summary>Rejects a range that does not lie inside a store.</summary>
internal static class StoreRange
{
    public static void Check(int capacity, int offset, int length)
    {
        if (offset < 0 || length < 0 || (long)offset + length > capacity)
            throw new ArgumentOutOfRangeException(nameof(offset), $"range [{offset}, +{length}) lies outside the store of {capacity} bytes");
    }
}
