using System.Buffers;
using System.IO.Pipelines;
using ClusterRamDisk.Gateway.Nbd.Protocol;
using ClusterRamDisk.Gateway.Nbd.Server;
using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>
/// The fixed newstyle handshake and option haggling. Every option is answered in order; unknown ones get ERR_UNSUP
/// and haggling goes on. Ends by entering transmission (EXPORT_NAME or GO) or by closing.
/// </summary>
internal sealed class OptionNegotiator(NbdExport export, IDuplexPipe transport, StopSignal stop, string client, ILogger logger)
{
    private const HandshakeFlags OfferedFlags = HandshakeFlags.FixedNewstyle | HandshakeFlags.NoZeroes;
    private const ClientFlags KnownClientFlags = ClientFlags.FixedNewstyle | ClientFlags.NoZeroes;

    private enum Outcome
    {
        Continue,
        Close,
        EnterTransmission,
    }

    private PipeReader Input => transport.Input;
    private PipeWriter Output => transport.Output;

    /// <returns>What was agreed when the client enters transmission; null when the connection is to be closed.</returns>
    public async Task<NegotiatedOptions?> NegotiateAsync(CancellationToken abort)
    {
        HandshakeWriter.WriteGreeting(Output, OfferedFlags);
        if (!await FlushAsync(abort))
            return null;

        var clientFlags = await ReadClientFlagsAsync(abort);
        if (clientFlags is not { } flags)
            return null;
        if ((flags & ~KnownClientFlags) != 0)
        {
            logger.HandshakeRefused(client, $"unknown client flags 0x{(uint)flags:x}");
            return null;
        }
        if ((flags & ClientFlags.FixedNewstyle) == 0)
        {
            logger.HandshakeRefused(client, "client does not speak fixed newstyle");
            return null;
        }

        var negotiated = new NegotiatedOptions { NoZeroes = (flags & ClientFlags.NoZeroes) != 0 };
        while (true)
        {
            var header = await ReadOptionHeaderAsync(abort);
            if (header is not { } option)
                return null;

            Outcome outcome;
            if (option.Length > NbdLimits.MaximumOptionLength)
            {
                if (!await Input.SkipAsync(option.Length, abort))
                    return null;
                outcome = Refuse(option, OptionReplyType.ErrorTooBig, "option data too long");
            }
            else if (option.Length == 0)
            {
                // Asking the pipe for zero bytes would still wait for the peer, who is waiting for our answer.
                outcome = Answer(option, ReadOnlySequence<byte>.Empty, negotiated);
            }
            else
            {
                var result = await Input.ReadAtLeastAsync((int)option.Length, abort);
                while (result.Buffer.Length < option.Length)
                {
                    // Woken by a stop in the middle of the option: its data is still coming.
                    if (result.IsCompleted)
                        return null;
                    Input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                    result = await Input.ReadAtLeastAsync((int)option.Length, abort);
                }
                var data = result.Buffer.Slice(0, option.Length);
                outcome = Answer(option, data, negotiated);
                Input.AdvanceTo(data.End);
            }

            if (!await FlushAsync(abort) || outcome == Outcome.Close)
                return null;
            if (outcome == Outcome.EnterTransmission)
                return negotiated;
        }
    }

    private Outcome Answer(OptionHeader header, ReadOnlySequence<byte> data, NegotiatedOptions negotiated)
    {
        var option = header.Option;
        if (stop.IsRequested)
        {
            Refuse(header, OptionReplyType.ErrorShutdown, "server is shutting down");
            return Outcome.Close;
        }
        switch (option)
        {
            case NbdOption.ExportName:
                // Any name is served the one disk, as nbdkit memory does.
                HandshakeWriter.WriteExportNameReply(Output, (ulong)export.Device.Size, Capabilities(negotiated), negotiated.NoZeroes);
                return Outcome.EnterTransmission;
            case NbdOption.Abort:
                HandshakeWriter.WriteOptionReply(Output, option, OptionReplyType.Ack);
                return Outcome.Close;
            case NbdOption.List:
                if (header.Length != 0)
                    return Refuse(header, OptionReplyType.ErrorInvalid, "LIST takes no data");
                HandshakeWriter.WriteServerReply(Output, option, export.Name);
                HandshakeWriter.WriteOptionReply(Output, option, OptionReplyType.Ack);
                return Outcome.Continue;
            case NbdOption.Info:
            case NbdOption.Go:
                if (!OptionDataDecoder.TryDecodeInfoRequest(data, out var infoRequest))
                    return Refuse(header, OptionReplyType.ErrorInvalid, "malformed INFO/GO request");
                WriteInfo(option, infoRequest, negotiated);
                HandshakeWriter.WriteOptionReply(Output, option, OptionReplyType.Ack);
                return option == NbdOption.Go ? Outcome.EnterTransmission : Outcome.Continue;
            case NbdOption.StructuredReply:
                if (header.Length != 0)
                    return Refuse(header, OptionReplyType.ErrorInvalid, "STRUCTURED_REPLY takes no data");
                negotiated.StructuredReplies = true;
                HandshakeWriter.WriteOptionReply(Output, option, OptionReplyType.Ack);
                return Outcome.Continue;
            case NbdOption.ListMetaContext:
            case NbdOption.SetMetaContext:
                if (!negotiated.StructuredReplies)
                    return Refuse(header, OptionReplyType.ErrorInvalid, "structured replies must be negotiated first");
                if (!OptionDataDecoder.TryDecodeMetaContextRequest(data, out var contextRequest))
                    return Refuse(header, OptionReplyType.ErrorInvalid, "malformed meta context request");
                AnswerMetaContext(option, contextRequest, negotiated);
                return Outcome.Continue;
            default:
                return Refuse(header, OptionReplyType.ErrorUnsupported, "option not supported");
        }
    }

    private Outcome Refuse(OptionHeader header, OptionReplyType error, string message)
    {
        // EXPORT_NAME has no way to carry an error: the only refusal is to hang up.
        if (header.Option == NbdOption.ExportName)
            return Outcome.Close;
        HandshakeWriter.WriteOptionReply(Output, header.Option, error, message);
        return error == OptionReplyType.ErrorShutdown ? Outcome.Close : Outcome.Continue;
    }

    private void WriteInfo(NbdOption option, InfoRequest request, NegotiatedOptions negotiated)
    {
        if (request.Items.Contains(InfoType.Name))
            HandshakeWriter.WriteInfoText(Output, option, InfoType.Name, export.Name);
        if (request.Items.Contains(InfoType.Description) && export.Description.Length > 0)
            HandshakeWriter.WriteInfoText(Output, option, InfoType.Description, export.Description);
        // Block sizes go out whether asked for or not, as nbdkit does: clients use them to size their requests.
        HandshakeWriter.WriteInfoBlockSize(Output, option, NbdLimits.MinimumBlockSize, NbdLimits.PreferredBlockSize, NbdLimits.MaximumPayload);
        HandshakeWriter.WriteInfoExport(Output, option, (ulong)export.Device.Size, Capabilities(negotiated));
    }

    private void AnswerMetaContext(NbdOption option, MetaContextRequest request, NegotiatedOptions negotiated)
    {
        var matches = option == NbdOption.ListMetaContext
            // Listing with no query means "everything you have"; "base:" asks for the whole namespace.
            ? request.Queries.Count == 0 || request.Queries.Any(query => query is "base:" or NegotiatedOptions.BaseAllocationContextName)
            : request.Queries.Contains(NegotiatedOptions.BaseAllocationContextName);
        if (option == NbdOption.SetMetaContext)
            negotiated.BaseAllocation = matches;
        if (matches)
            HandshakeWriter.WriteMetaContextReply(Output, option, NegotiatedOptions.BaseAllocationContextId, NegotiatedOptions.BaseAllocationContextName);
        HandshakeWriter.WriteOptionReply(Output, option, OptionReplyType.Ack);
    }

    private TransmissionFlags Capabilities(NegotiatedOptions negotiated) => ExportCapabilities.For(export.ReadOnly, negotiated.StructuredReplies);

    private async ValueTask<ClientFlags?> ReadClientFlagsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await Input.ReadNextAsync(stop, cancellationToken) is not { } result)
                return null;
            var buffer = result.Buffer;
            if (HandshakeReader.TryReadClientFlags(ref buffer, out var flags))
            {
                Input.AdvanceTo(buffer.Start);
                return flags;
            }
            if (result.IsCompleted || stop.IsReadingClosed)
                return null;
            Input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async ValueTask<OptionHeader?> ReadOptionHeaderAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await Input.ReadNextAsync(stop, cancellationToken) is not { } result)
                return null;
            var buffer = result.Buffer;
            if (HandshakeReader.TryReadOptionHeader(ref buffer, out var header))
            {
                Input.AdvanceTo(buffer.Start);
                return header;
            }
            if (result.IsCompleted || stop.IsReadingClosed)
                return null;
            Input.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        var result = await Output.FlushAsync(cancellationToken);
        return !result.IsCompleted && !result.IsCanceled;
    }
}
