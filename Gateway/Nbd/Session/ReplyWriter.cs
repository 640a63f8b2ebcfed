using System.Buffers;
using System.IO.Pipelines;
using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Gateway.Nbd.Protocol;
using ReadResult = ClusterRamDisk.Gateway.Disk.ReadResult;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>
/// Serialises replies of concurrently running requests onto the connection: one reply at a time, never interleaved.
/// Flushing is batched: a writer that sees others queued behind it leaves the flush to the last of them, and while the
/// connection's reader holds replies back (it has more requests at hand) nobody flushes until it releases them.
/// </summary>
internal sealed class ReplyWriter(PipeWriter output, bool structuredReplies)
{
    /// <summary>Large reads are pushed out in pieces of about this size rather than buffered whole.</summary>
    private const int FlushThreshold = 256 * 1024;

    /// <summary>Data at least this large goes to the connection straight from where it lies, not copied into the pipe first.</summary>
    private const int DirectWriteThreshold = 64 * 1024;

    /// <summary>How much of directly written data is copied behind what is buffered, so the two leave in one segment.</summary>
    private const int DirectWriteHead = 16 * 1024;

    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _queued;
    private volatile bool _holding;

    /// <summary>Replies from now on stay buffered (unless large) until <see cref="ReleaseHeldAsync"/>.</summary>
    public void Hold() => _holding = true;

    /// <summary>Sends the replies held back since <see cref="Hold"/>; the pipe's completion sends any held at the end.</summary>
    public async ValueTask ReleaseHeldAsync()
    {
        if (!_holding)
            return;
        _holding = false;
        // Taking the turn waits out a reply being written, which saw the hold and so left its flush to us.
        await EnterAsync();
        await LeaveAsync(written: true);
    }

    public async ValueTask SendSimpleAsync(ulong cookie, NbdError error)
    {
        await EnterAsync();
        var written = false;
        try
        {
            TransmissionWriter.WriteSimpleReply(output, error, cookie);
            written = true;
        }
        finally
        {
            await LeaveAsync(written);
        }
    }

    /// <summary>An error: an ERROR chunk carrying <paramref name="message"/> with structured replies, else a simple reply.</summary>
    public async ValueTask SendErrorAsync(ulong cookie, NbdError error, string message)
    {
        await EnterAsync();
        var written = false;
        try
        {
            if (structuredReplies)
                TransmissionWriter.WriteErrorChunk(output, cookie, error, message);
            else
                TransmissionWriter.WriteSimpleReply(output, error, cookie);
            written = true;
        }
        finally
        {
            await LeaveAsync(written);
        }
    }

    /// <summary>
    /// A successful READ. Structured replies send holes as OFFSET_HOLE and data as OFFSET_DATA, or with
    /// <paramref name="dontFragment"/> one OFFSET_DATA chunk with holes written out as zeroes.
    /// </summary>
    public async ValueTask SendReadAsync(ulong cookie, ReadResult result, long totalLength, bool dontFragment)
    {
        await EnterAsync();
        var written = false;
        try
        {
            var segments = result.Segments;
            if (!structuredReplies)
            {
                TransmissionWriter.WriteSimpleReply(output, NbdError.None, cookie);
                await WriteSegmentsAsync(segments);
            }
            else if (segments.Count == 0)
            {
                TransmissionWriter.WriteNoneChunk(output, cookie);
            }
            else if (dontFragment)
            {
                TransmissionWriter.WriteOffsetDataHeader(output, ReplyChunkFlags.Done, cookie, (ulong)segments[0].Offset, (int)totalLength);
                await WriteSegmentsAsync(segments);
            }
            else
            {
                for (var i = 0; i < segments.Count; i++)
                {
                    var segment = segments[i];
                    var flags = i == segments.Count - 1 ? ReplyChunkFlags.Done : ReplyChunkFlags.None;
                    if (segment.IsHole)
                    {
                        TransmissionWriter.WriteOffsetHole(output, flags, cookie, (ulong)segment.Offset, (uint)segment.Length);
                    }
                    else
                    {
                        TransmissionWriter.WriteOffsetDataHeader(output, flags, cookie, (ulong)segment.Offset, segment.Length);
                        await WriteSegmentAsync(segment);
                    }
                }
            }
            written = true;
        }
        finally
        {
            await LeaveAsync(written);
        }
    }

    public async ValueTask SendBlockStatusAsync(ulong cookie, ArraySegment<BlockStatusDescriptor> descriptors)
    {
        await EnterAsync();
        var written = false;
        try
        {
            TransmissionWriter.WriteBlockStatusHeader(output, ReplyChunkFlags.Done, cookie, NegotiatedOptions.BaseAllocationContextId, descriptors.Count);
            foreach (var descriptor in descriptors)
                TransmissionWriter.WriteBlockStatusDescriptor(output, descriptor);
            written = true;
        }
        finally
        {
            await LeaveAsync(written);
        }
    }

    private async ValueTask WriteSegmentsAsync(IReadOnlyList<ReadSegment> segments)
    {
        for (var i = 0; i < segments.Count; i++)
            await WriteSegmentAsync(segments[i]);
    }

    private async ValueTask WriteSegmentAsync(ReadSegment segment)
    {
        if (segment.IsHole)
        {
            var remaining = segment.Length;
            while (remaining > 0)
            {
                var span = output.GetSpan();
                var chunk = Math.Min(span.Length, remaining);
                span[..chunk].Clear();
                output.Advance(chunk);
                remaining -= chunk;
                await FlushIfLargeAsync();
            }
            return;
        }
        var data = segment.Data;
        if (data.Length >= DirectWriteThreshold)
        {
            // A writer over a socket sends what is buffered, then the data itself (an in-memory pipe copies it). The
            // data's head goes along with what is buffered: a reply header sent on its own is a tiny TCP segment
            // (NoDelay) that costs a wake-up and an ACK: measured, 1 MiB reads went from 3.9 to 6.4 GB/s on the same CPU.
            output.Write(data.Span[..DirectWriteHead]);
            ThrowIfClientGone(await output.WriteAsync(data[DirectWriteHead..]));
            return;
        }
        while (!data.IsEmpty)
        {
            var chunk = Math.Min(data.Length, FlushThreshold);
            output.Write(data.Span[..chunk]);
            data = data[chunk..];
            await FlushIfLargeAsync();
        }
    }

    private async ValueTask FlushIfLargeAsync()
    {
        if (output.UnflushedBytes >= FlushThreshold)
            await FlushAsync();
    }

    private async ValueTask EnterAsync()
    {
        Interlocked.Increment(ref _queued);
        await _turn.WaitAsync();
    }

    private async ValueTask LeaveAsync(bool written)
    {
        try
        {
            if (Interlocked.Decrement(ref _queued) == 0 && written && !_holding)
                await FlushAsync();
        }
        finally
        {
            _turn.Release();
        }
    }

    private async ValueTask FlushAsync() => ThrowIfClientGone(await output.FlushAsync());

    private static void ThrowIfClientGone(FlushResult result)
    {
        if (result.IsCompleted || result.IsCanceled)
            throw new IOException("the client is gone");
    }
}
