using System.Buffers;
using System.IO.Pipelines;
using ClusterRamDisk.Gateway.Disk;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>
/// A WRITE's payload as taken off the connection: its first <see cref="Stored"/> bytes are already in the device,
/// written straight from the receive buffers; the rest, if any, waits in <see cref="Rest"/>, a pooled array, for
/// <see cref="IBlockDevice.WriteAsync"/>.
/// </summary>
internal readonly record struct WritePayload(int Stored, byte[]? Rest)
{
    /// <summary>
    /// Takes <paramref name="length"/> payload bytes off <paramref name="input"/>. While the device stores what has arrived
    /// at once, nothing is copied; from the first piece it cannot store, the rest is collected into a pooled array.
    /// Pieces are handed over in whole pages (but for the payload's end), so no page is written in two halves.
    /// </summary>
    /// <returns>Null when the client closed in the middle of the payload.</returns>
    public static async ValueTask<WritePayload?> ReceiveAsync(PipeReader input, IBlockDevice device, long offset, int length, CancellationToken cancellationToken)
    {
        var stored = 0;
        while (stored < length)
        {
            var result = await input.ReadAsync(cancellationToken);
            var arrived = result.Buffer.Slice(0, Math.Min(result.Buffer.Length, length - stored));
            var piece = stored + arrived.Length == length ? (int)arrived.Length : WholePages(device.PageSize, offset + stored, arrived.Length);
            if (piece > 0 && device.TryWriteNow(offset + stored, arrived.Slice(0, piece)))
            {
                input.AdvanceTo(arrived.GetPosition(piece));
                stored += piece;
                continue;
            }
            if (piece > 0)
            {
                input.AdvanceTo(result.Buffer.Start);
                return await CollectRestAsync(input, stored, length - stored, cancellationToken);
            }
            if (result.IsCompleted)
            {
                input.AdvanceTo(result.Buffer.End);
                return null;
            }
            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
        return new WritePayload(stored, null);
    }

    private static async ValueTask<WritePayload?> CollectRestAsync(PipeReader input, int stored, int restLength, CancellationToken cancellationToken)
    {
        var rest = ArrayPool<byte>.Shared.Rent(restLength);
        try
        {
            if (await input.ReadIntoAsync(rest.AsMemory(0, restLength), cancellationToken))
                return new WritePayload(stored, rest);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(rest);
            throw;
        }
        ArrayPool<byte>.Shared.Return(rest);
        return null;
    }

    /// <summary>How many of <paramref name="available"/> bytes from <paramref name="offset"/> end on a page boundary.</summary>
    private static int WholePages(int pageSize, long offset, long available) =>
        (int)Math.Max(0, (offset + available) / pageSize * pageSize - offset);
}
