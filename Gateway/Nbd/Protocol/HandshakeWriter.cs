using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>Writes the server's side of the handshake: the greeting, option replies and the EXPORT_NAME reply.</summary>
public static class HandshakeWriter
{
    private const int OptionReplyHeaderSize = 20;
    private const int ExportNameReplyZeroes = 124;

    public static void WriteGreeting(IBufferWriter<byte> writer, HandshakeFlags flags)
    {
        var span = writer.GetSpan(18);
        BinaryPrimitives.WriteUInt64BigEndian(span, (ulong)NbdMagic.Greeting);
        BinaryPrimitives.WriteUInt64BigEndian(span[8..], (ulong)NbdMagic.Option);
        BinaryPrimitives.WriteUInt16BigEndian(span[16..], (ushort)flags);
        writer.Advance(18);
    }

    /// <summary>A reply without data (ACK), or an error reply with an optional human-readable message.</summary>
    public static void WriteOptionReply(IBufferWriter<byte> writer, NbdOption option, OptionReplyType type, string message = "")
    {
        var length = Encoding.UTF8.GetByteCount(message);
        var span = writer.GetSpan(OptionReplyHeaderSize + length);
        WriteOptionReplyHeader(span, option, type, length);
        Encoding.UTF8.GetBytes(message, span[OptionReplyHeaderSize..]);
        writer.Advance(OptionReplyHeaderSize + length);
    }

    /// <summary>One NBD_REP_SERVER entry of an NBD_OPT_LIST reply.</summary>
    public static void WriteServerReply(IBufferWriter<byte> writer, NbdOption option, string exportName)
    {
        var nameLength = Encoding.UTF8.GetByteCount(exportName);
        var span = writer.GetSpan(OptionReplyHeaderSize + 4 + nameLength);
        WriteOptionReplyHeader(span, option, OptionReplyType.Server, 4 + nameLength);
        BinaryPrimitives.WriteUInt32BigEndian(span[OptionReplyHeaderSize..], (uint)nameLength);
        Encoding.UTF8.GetBytes(exportName, span[(OptionReplyHeaderSize + 4)..]);
        writer.Advance(OptionReplyHeaderSize + 4 + nameLength);
    }

    public static void WriteInfoExport(IBufferWriter<byte> writer, NbdOption option, ulong size, TransmissionFlags flags)
    {
        const int length = 2 + 8 + 2;
        var span = writer.GetSpan(OptionReplyHeaderSize + length);
        WriteOptionReplyHeader(span, option, OptionReplyType.Info, length);
        var data = span[OptionReplyHeaderSize..];
        BinaryPrimitives.WriteUInt16BigEndian(data, (ushort)InfoType.Export);
        BinaryPrimitives.WriteUInt64BigEndian(data[2..], size);
        BinaryPrimitives.WriteUInt16BigEndian(data[10..], (ushort)flags);
        writer.Advance(OptionReplyHeaderSize + length);
    }

    /// <summary>NBD_INFO_NAME or NBD_INFO_DESCRIPTION: the item type followed by the text.</summary>
    public static void WriteInfoText(IBufferWriter<byte> writer, NbdOption option, InfoType type, string text)
    {
        var textLength = Encoding.UTF8.GetByteCount(text);
        var span = writer.GetSpan(OptionReplyHeaderSize + 2 + textLength);
        WriteOptionReplyHeader(span, option, OptionReplyType.Info, 2 + textLength);
        BinaryPrimitives.WriteUInt16BigEndian(span[OptionReplyHeaderSize..], (ushort)type);
        Encoding.UTF8.GetBytes(text, span[(OptionReplyHeaderSize + 2)..]);
        writer.Advance(OptionReplyHeaderSize + 2 + textLength);
    }

    public static void WriteInfoBlockSize(IBufferWriter<byte> writer, NbdOption option, uint minimum, uint preferred, uint maximumPayload)
    {
        const int length = 2 + 4 + 4 + 4;
        var span = writer.GetSpan(OptionReplyHeaderSize + length);
        WriteOptionReplyHeader(span, option, OptionReplyType.Info, length);
        var data = span[OptionReplyHeaderSize..];
        BinaryPrimitives.WriteUInt16BigEndian(data, (ushort)InfoType.BlockSize);
        BinaryPrimitives.WriteUInt32BigEndian(data[2..], minimum);
        BinaryPrimitives.WriteUInt32BigEndian(data[6..], preferred);
        BinaryPrimitives.WriteUInt32BigEndian(data[10..], maximumPayload);
        writer.Advance(OptionReplyHeaderSize + length);
    }

    public static void WriteMetaContextReply(IBufferWriter<byte> writer, NbdOption option, uint contextId, string contextName)
    {
        var nameLength = Encoding.UTF8.GetByteCount(contextName);
        var span = writer.GetSpan(OptionReplyHeaderSize + 4 + nameLength);
        WriteOptionReplyHeader(span, option, OptionReplyType.MetaContext, 4 + nameLength);
        BinaryPrimitives.WriteUInt32BigEndian(span[OptionReplyHeaderSize..], contextId);
        Encoding.UTF8.GetBytes(contextName, span[(OptionReplyHeaderSize + 4)..]);
        writer.Advance(OptionReplyHeaderSize + 4 + nameLength);
    }

    /// <summary>The header-less answer to NBD_OPT_EXPORT_NAME; the 124 reserved zeroes go out unless NO_ZEROES was agreed.</summary>
    public static void WriteExportNameReply(IBufferWriter<byte> writer, ulong size, TransmissionFlags flags, bool noZeroes)
    {
        var length = noZeroes ? 10 : 10 + ExportNameReplyZeroes;
        var span = writer.GetSpan(length);
        BinaryPrimitives.WriteUInt64BigEndian(span, size);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)flags);
        span[10..length].Clear();
        writer.Advance(length);
    }

    private static void WriteOptionReplyHeader(Span<byte> span, NbdOption option, OptionReplyType type, int length)
    {
        BinaryPrimitives.WriteUInt64BigEndian(span, (ulong)NbdMagic.OptionReply);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], (uint)option);
        BinaryPrimitives.WriteUInt32BigEndian(span[12..], (uint)type);
        BinaryPrimitives.WriteUInt32BigEndian(span[16..], (uint)length);
    }
}
