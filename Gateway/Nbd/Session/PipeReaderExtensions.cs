using System.Buffers;
using System.IO.Pipelines;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>Consuming a known number of bytes as they arrive, so a large payload never has to sit in the pipe whole.</summary>
internal static class PipeReaderExtensions
{
    /// <summary>
    /// Waits for the next message, unless a stop closed reading: then only what is already buffered comes back, and
    /// null when nothing is. A read woken by the stop returns as cancelled with whatever is buffered.
    /// </summary>
    public static async ValueTask<ReadResult?> ReadNextAsync(this PipeReader reader, StopSignal stop, CancellationToken cancellationToken)
    {
        if (stop.IsReadingClosed)
            return reader.TryRead(out var buffered) ? buffered : null;
        return await reader.ReadAsync(cancellationToken);
    }

    /// <summary>Fills <paramref name="destination"/>; false if the peer closed first.</summary>
    public static async ValueTask<bool> ReadIntoAsync(this PipeReader reader, Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (!destination.IsEmpty)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var available = result.Buffer;
            var take = available.Slice(0, Math.Min(available.Length, destination.Length));
            take.CopyTo(destination.Span);
            destination = destination[(int)take.Length..];
            reader.AdvanceTo(take.End);
            if (result.IsCompleted && !destination.IsEmpty)
                return false;
        }
        return true;
    }

    /// <summary>Discards <paramref name="count"/> bytes; false if the peer closed first.</summary>
    public static async ValueTask<bool> SkipAsync(this PipeReader reader, long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var take = Math.Min(result.Buffer.Length, count);
            count -= take;
            reader.AdvanceTo(result.Buffer.GetPosition(take));
            if (result.IsCompleted && count > 0)
                return false;
        }
        return true;
    }
}
