using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Grains.PageStores;

/// <summary>Appends extents, merging a run into the previous one when it continues it with the same flags.</summary>
internal readonly struct ExtentAppender(List<Extent> extents)
{
    // Only extents appended by this call are merged: the list may already hold runs of another directory.
    private readonly int firstOwned = extents.Count;

    public void Append(long offset, long length, ExtentFlags flags)
    {
        var last = extents.Count - 1;
        if (last >= firstOwned && extents[last].Flags == flags && extents[last].End == offset)
            extents[last] = extents[last] with { Length = extents[last].Length + length };
        else
            extents.Add(new Extent(offset, length, flags));
    }
}
