using ClusterRamDisk.Gateway.Nbd.Protocol;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>
/// Turns the device's extents into BLOCK_STATUS descriptors: clipped to the request, neighbours with equal flags merged
/// (the spec asks for differing consecutive statuses), only the first one when the client asked for one.
/// </summary>
internal static class BlockStatusClipper
{
    /// <returns>How many descriptors were written to <paramref name="destination"/>, at most one per extent.</returns>
    public static int Clip(IReadOnlyList<Extent> extents, long offset, long length, bool onlyFirst, Span<BlockStatusDescriptor> destination)
    {
        var end = offset + length;
        var position = offset;
        var count = 0;
        for (var i = 0; i < extents.Count && position < end; i++)
        {
            var extent = extents[i];
            if (extent.End <= position)
                continue;
            // Extents must be contiguous from the request start: a gap means the device did not describe it.
            if (extent.Offset > position)
                break;
            var runEnd = Math.Min(extent.End, end);
            var runLength = (uint)(runEnd - position);
            var status = (uint)extent.Flags;
            if (count > 0 && destination[count - 1].Status == status)
                destination[count - 1] = destination[count - 1] with { Length = destination[count - 1].Length + runLength };
            else
                destination[count++] = new BlockStatusDescriptor(runLength, status);
            position = runEnd;
        }
        return onlyFirst ? Math.Min(count, 1) : count;
    }
}
