using System.Buffers;
using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Gateway.Nbd.Protocol;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>
/// Carries out one validated request against the device and sends its reply. Device failures become NBD errors
/// (DiskException by its kind, anything else EIO and a log line); failures to send propagate to the caller.
/// </summary>
internal sealed class CommandExecutor(IBlockDevice device, ReplyWriter replies, ILogger logger)
{
    private static readonly ReadResult EmptyRead = new([]);

    /// <param name="payload">A WRITE's payload; this method returns its pooled array, if any, to the pool.</param>
    public async Task ExecuteAsync(NbdRequest request, WritePayload payload, CancellationToken cancellationToken)
    {
        ReadResult? readResult = null;
        BlockStatusDescriptor[]? descriptors = null;
        var descriptorCount = 0;
        NbdError error;
        string message;
        try
        {
            try
            {
                switch (request.Command)
                {
                    case NbdCommand.Read:
                        readResult = await ReadAsync(request, cancellationToken);
                        break;
                    case NbdCommand.BlockStatus:
                        (descriptors, descriptorCount) = await GetDescriptorsAsync(request, cancellationToken);
                        break;
                    case NbdCommand.Write:
                        // What the payload's receiving did not store yet is stored now.
                        if (payload.Rest is { } rest)
                            await WriteRestAsync(request, payload.Stored, rest, cancellationToken);
                        await FlushIfForcedAsync(request, cancellationToken);
                        break;
                    case NbdCommand.Trim:
                    case NbdCommand.WriteZeroes:
                        // Zeroing a RAM disk is always cheaper than writing zeroes, so FAST_ZERO is honoured as it comes.
                        if (request.Length > 0)
                            await device.ZeroAsync((long)request.Offset, request.Length, cancellationToken);
                        await FlushIfForcedAsync(request, cancellationToken);
                        break;
                    case NbdCommand.Flush:
                        await device.FlushAsync(cancellationToken);
                        break;
                    case NbdCommand.Cache:
                        // The data already lives in memory: there is nothing to prefetch.
                        break;
                }
                error = NbdError.None;
                message = "";
            }
            catch (DiskException exception)
            {
                logger.DiskFailed(request.Command.ToString(), request.Offset, request.Length, exception.Message);
                (error, message) = exception.Error == DiskError.NoSpace
                    ? (NbdError.NoSpace, "no space left on the disk")
                    : (NbdError.InputOutput, "input/output error");
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.DeviceFaulted(request.Command.ToString(), request.Offset, request.Length, exception);
                (error, message) = (NbdError.InputOutput, "input/output error");
            }

            if (error != NbdError.None)
                await replies.SendErrorAsync(request.Cookie, error, message);
            else if (readResult is not null)
                await replies.SendReadAsync(request.Cookie, readResult, request.Length, (request.Flags & CommandFlags.DontFragment) != 0);
            else if (descriptors is not null)
                await replies.SendBlockStatusAsync(request.Cookie, new ArraySegment<BlockStatusDescriptor>(descriptors, 0, descriptorCount));
            else
                await replies.SendSimpleAsync(request.Cookie, NbdError.None);
        }
        finally
        {
            readResult?.Release();
            if (descriptors is not null)
                ArrayPool<BlockStatusDescriptor>.Shared.Return(descriptors);
        }
    }

    private async Task WriteRestAsync(NbdRequest request, int stored, byte[] rest, CancellationToken cancellationToken)
    {
        try
        {
            await device.WriteAsync((long)request.Offset + stored, rest.AsMemory(0, (int)request.Length - stored), cancellationToken);
        }
        finally
        {
            // Released as soon as the device is done with it, not when the reply is out.
            ArrayPool<byte>.Shared.Return(rest);
        }
    }

    /// <summary>FUA: the reply must wait until this write is as durable as a flush would make it.</summary>
    private ValueTask FlushIfForcedAsync(NbdRequest request, CancellationToken cancellationToken) =>
        (request.Flags & CommandFlags.Fua) != 0 ? device.FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    private async Task<ReadResult> ReadAsync(NbdRequest request, CancellationToken cancellationToken)
    {
        if (request.Length == 0)
            return EmptyRead;
        var result = await device.ReadAsync((long)request.Offset, (int)request.Length, cancellationToken);
        if (!Covers(result, (long)request.Offset, request.Length))
        {
            result.Release();
            throw new InvalidOperationException("the device returned a read that does not cover the request");
        }
        return result;
    }

    private async Task<(BlockStatusDescriptor[] Descriptors, int Count)> GetDescriptorsAsync(NbdRequest request, CancellationToken cancellationToken)
    {
        var extents = await device.GetExtentsAsync((long)request.Offset, request.Length, cancellationToken);
        var descriptors = ArrayPool<BlockStatusDescriptor>.Shared.Rent(Math.Max(extents.Count, 1));
        var count = BlockStatusClipper.Clip(extents, (long)request.Offset, request.Length, (request.Flags & CommandFlags.RequestOne) != 0, descriptors);
        if (count > 0)
            return (descriptors, count);
        ArrayPool<BlockStatusDescriptor>.Shared.Return(descriptors);
        throw new InvalidOperationException("the device returned no extent for the start of the range");
    }

    /// <summary>Guards the wire: a reply whose chunks do not add up to the request would desynchronise the client.</summary>
    private static bool Covers(ReadResult result, long offset, long length)
    {
        var position = offset;
        foreach (var segment in result.Segments)
        {
            if (segment.Offset != position || segment.Length <= 0 || (!segment.IsHole && segment.Data.Length != segment.Length))
                return false;
            position += segment.Length;
        }
        return position == offset + length;
    }
}
