using System.Buffers;
using ClusterRamDisk.Gateway.Nbd.Protocol;
using ClusterRamDisk.Tests.Common;

namespace ClusterRamDisk.Tests.Nbd;

/// <summary>The pure codec: exact bytes out, and parsing that waits for whole messages however the bytes are split.</summary>
public sealed class CodecTests
{
    private static readonly byte[] ReadRequest = Convert.FromHexString("25609513" + "0004" + "0000" + "0102030405060708" + "0000000000001000" + "00000200");

    [Fact]
    public void RequestParsesOnlyOnceWhole()
    {
        for (var available = 0; available < ReadRequest.Length; available++)
        {
            var partial = new ReadOnlySequence<byte>(ReadRequest, 0, available);
            Assert.False(TransmissionReader.TryReadRequest(ref partial, out _));
            Assert.Equal(available, partial.Length);
        }
        var whole = new ReadOnlySequence<byte>([.. ReadRequest, 0xAA]);

        Assert.True(TransmissionReader.TryReadRequest(ref whole, out var request));

        Assert.Equal(new NbdRequest(CommandFlags.DontFragment, NbdCommand.Read, 0x0102030405060708, 4096, 512), request);
        Assert.Equal([0xAA], whole.ToArray());
    }

    [Fact]
    public void RequestParsesAcrossSegments()
    {
        var buffer = SegmentedSequence.Split(ReadRequest, 3, 11, 27);

        Assert.True(TransmissionReader.TryReadRequest(ref buffer, out var request));

        Assert.Equal(0x0102030405060708UL, request.Cookie);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void BadRequestMagicThrows()
    {
        var garbage = new ReadOnlySequence<byte>(new byte[28]);

        Assert.Throws<NbdProtocolException>(() => TransmissionReader.TryReadRequest(ref garbage, out _));
    }

    [Fact]
    public void OptionHeaderAndClientFlagsParseAcrossSegments()
    {
        var bytes = Convert.FromHexString("00000003" + "49484156454f5054" + "00000007" + "00000010");
        var buffer = SegmentedSequence.Split(bytes, 2, 9);

        Assert.True(HandshakeReader.TryReadClientFlags(ref buffer, out var flags));
        Assert.True(HandshakeReader.TryReadOptionHeader(ref buffer, out var header));

        Assert.Equal(ClientFlags.FixedNewstyle | ClientFlags.NoZeroes, flags);
        Assert.Equal(new OptionHeader(NbdOption.Go, 16), header);
        var incomplete = new ReadOnlySequence<byte>(bytes, 4, 15);
        Assert.False(HandshakeReader.TryReadOptionHeader(ref incomplete, out _));
    }

    [Fact]
    public void InfoRequestDecodesAndRejectsLengthsThatDoNotAddUp()
    {
        var data = Convert.FromHexString("00000002" + "6869" + "0002" + "0001" + "0003");

        Assert.True(OptionDataDecoder.TryDecodeInfoRequest(new ReadOnlySequence<byte>(data), out var request));
        Assert.Equal("hi", request.ExportName);
        Assert.Equal([InfoType.Name, InfoType.BlockSize], request.Items);
        Assert.False(OptionDataDecoder.TryDecodeInfoRequest(new ReadOnlySequence<byte>(data[..^1]), out _));
        Assert.False(OptionDataDecoder.TryDecodeInfoRequest(new ReadOnlySequence<byte>([.. data, 0]), out _));
    }

    [Fact]
    public void MetaContextRequestDecodesAndRejectsImpossibleCounts()
    {
        var data = Convert.FromHexString("00000000" + "00000001" + "00000005" + "626173653a");

        Assert.True(OptionDataDecoder.TryDecodeMetaContextRequest(SegmentedSequence.Split(data, 6), out var request));
        Assert.Equal(["base:"], request.Queries);
        Assert.False(OptionDataDecoder.TryDecodeMetaContextRequest(new ReadOnlySequence<byte>(Convert.FromHexString("00000000" + "7fffffff")), out _));
    }

    [Fact]
    public void HandshakeRepliesAreByteExact()
    {
        var writer = new ArrayBufferWriter<byte>();

        HandshakeWriter.WriteOptionReply(writer, NbdOption.List, OptionReplyType.Ack);
        HandshakeWriter.WriteInfoExport(writer, NbdOption.Go, 1 << 30, (TransmissionFlags)0x0DED);
        HandshakeWriter.WriteMetaContextReply(writer, NbdOption.SetMetaContext, 1, "base:allocation");
        HandshakeWriter.WriteExportNameReply(writer, 512, TransmissionFlags.HasFlags, noZeroes: true);

        Assert.Equal(Convert.FromHexString(
            "0003e889045565a9" + "00000003" + "00000001" + "00000000" +
            "0003e889045565a9" + "00000007" + "00000003" + "0000000c" + "0000" + "0000000040000000" + "0ded" +
            "0003e889045565a9" + "0000000a" + "00000004" + "00000013" + "00000001" + "626173653a616c6c6f636174696f6e" +
            "0000000000000200" + "0001"), writer.WrittenSpan.ToArray());
    }

    [Fact]
    public void TransmissionRepliesAreByteExact()
    {
        var writer = new ArrayBufferWriter<byte>();

        TransmissionWriter.WriteSimpleReply(writer, NbdError.NoSpace, 7);
        TransmissionWriter.WriteOffsetHole(writer, ReplyChunkFlags.None, 7, 4096, 512);
        TransmissionWriter.WriteBlockStatusHeader(writer, ReplyChunkFlags.Done, 7, 1, 1);
        TransmissionWriter.WriteBlockStatusDescriptor(writer, new BlockStatusDescriptor(512, 3));
        TransmissionWriter.WriteErrorChunk(writer, 7, NbdError.InvalidArgument, "no");

        Assert.Equal(Convert.FromHexString(
            "67446698" + "0000001c" + "0000000000000007" +
            "668e33ef" + "0000" + "0002" + "0000000000000007" + "0000000c" + "0000000000001000" + "00000200" +
            "668e33ef" + "0001" + "0005" + "0000000000000007" + "0000000c" + "00000001" + "00000200" + "00000003" +
            "668e33ef" + "0001" + "8001" + "0000000000000007" + "00000008" + "00000016" + "0002" + "6e6f"), writer.WrittenSpan.ToArray());
    }
}
