using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>
/// Writes transmission replies: simple replies and structured reply chunks. Chunks that carry bulk data only get
/// their header written here; the caller appends the data, so it is copied once, straight into the output.
/// </summary>
public static class TransmissionWriter
{
    public const int SimpleReplySize = 16;
    public const int ChunkHeaderSize = 20;
    public const int BlockStatusDescriptorSize = 8;

    public static void WriteSimpleReply(IBufferWriter<byte> writer, NbdError error, ulong cookie)
    {
        var span = writer.GetSpan(SimpleReplySize);
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)NbdMagic.SimpleReply);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], (uint)error);
        BinaryPrimitives.WriteUInt64BigEndian(span[8..], cookie);
        writer.Advance(SimpleReplySize);
    }

    /// <summary>An OFFSET_DATA chunk header and its offset; <paramref name="dataLength"/> bytes of data must follow.</summary>
    public static void WriteOffsetDataHeader(IBufferWriter<byte> writer, ReplyChunkFlags flags, ulong cookie, ulong offset, int dataLength)
    {
        var span = writer.GetSpan(ChunkHeaderSize + 8);
        WriteChunkHeader(span, flags, ReplyChunkType.OffsetData, cookie, 8 + (uint)dataLength);
        BinaryPrimitives.WriteUInt64BigEndian(span[ChunkHeaderSize..], offset);
        writer.Advance(ChunkHeaderSize + 8);
    }

    public static void WriteOffsetHole(IBufferWriter<byte> writer, ReplyChunkFlags flags, ulong cookie, ulong offset, uint holeSize)
    {
        var span = writer.GetSpan(ChunkHeaderSize + 12);
        WriteChunkHeader(span, flags, ReplyChunkType.OffsetHole, cookie, 12);
        BinaryPrimitives.WriteUInt64BigEndian(span[ChunkHeaderSize..], offset);
        BinaryPrimitives.WriteUInt32BigEndian(span[(ChunkHeaderSize + 8)..], holeSize);
        writer.Advance(ChunkHeaderSize + 12);
    }

    /// <summary>A BLOCK_STATUS chunk header and context id; <paramref name="descriptorCount"/> descriptors must follow.</summary>
    public static void WriteBlockStatusHeader(IBufferWriter<byte> writer, ReplyChunkFlags flags, ulong cookie, uint contextId, int descriptorCount)
    {
        var span = writer.GetSpan(ChunkHeaderSize + 4);
        WriteChunkHeader(span, flags, ReplyChunkType.BlockStatus, cookie, 4 + (uint)descriptorCount * BlockStatusDescriptorSize);
        BinaryPrimitives.WriteUInt32BigEndian(span[ChunkHeaderSize..], contextId);
        writer.Advance(ChunkHeaderSize + 4);
    }

    public static void WriteBlockStatusDescriptor(IBufferWriter<byte> writer, BlockStatusDescriptor descriptor)
    {
        var span = writer.GetSpan(BlockStatusDescriptorSize);
        BinaryPrimitives.WriteUInt32BigEndian(span, descriptor.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], descriptor.Status);
        writer.Advance(BlockStatusDescriptorSize);
    }

    /// <summary>A final ERROR chunk with a short human-readable message.</summary>
    public static void WriteErrorChunk(IBufferWriter<byte> writer, ulong cookie, NbdError error, string message)
    {
        var messageLength = Encoding.UTF8.GetByteCount(message);
        var span = writer.GetSpan(ChunkHeaderSize + 6 + messageLength);
        WriteChunkHeader(span, ReplyChunkFlags.Done, ReplyChunkType.Error, cookie, 6 + (uint)messageLength);
        BinaryPrimitives.WriteUInt32BigEndian(span[ChunkHeaderSize..], (uint)error);
        BinaryPrimitives.WriteUInt16BigEndian(span[(ChunkHeaderSize + 4)..], (ushort)messageLength);
        Encoding.UTF8.GetBytes(message, span[(ChunkHeaderSize + 6)..]);
        writer.Advance(ChunkHeaderSize + 6 + messageLength);
    }

    /// <summary>A final NONE chunk: ends a structured reply that has nothing more to say.</summary>
    public static void WriteNoneChunk(IBufferWriter<byte> writer, ulong cookie)
    {
        var span = writer.GetSpan(ChunkHeaderSize);
        WriteChunkHeader(span, ReplyChunkFlags.Done, ReplyChunkType.None, cookie, 0);
        writer.Advance(ChunkHeaderSize);
    }

    private static void WriteChunkHeader(Span<byte> span, ReplyChunkFlags flags, ReplyChunkType type, ulong cookie, uint length)
    {
        BinaryPrimitives.WriteUInt32BigEndian(span, (uint)NbdMagic.StructuredReply);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)flags);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)type);
        BinaryPrimitives.WriteUInt64BigEndian(span[8..], cookie);
        BinaryPrimitives.WriteUInt32BigEndian(span[16..], length);
    }
}
