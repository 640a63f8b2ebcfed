using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Text;
using ClusterRamDisk.Gateway.Nbd.Protocol;
using ClusterRamDisk.Gateway.Nbd.Server;
using ClusterRamDisk.Gateway.Nbd.Session;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterRamDisk.Tests.Nbd;

/// <summary>One NbdSession over in-memory pipes, with a hand-rolled client side that speaks raw bytes.</summary>
internal sealed class SessionHarness : IAsyncDisposable
{
    public const long DiskSize = 1024 * 1024;
    public const string ExportName = "disk";
    public const string ExportDescription = "in-memory test disk";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Pipe _toServer = new();
    private readonly Pipe _fromServer = new();

    private SessionHarness(bool readOnly)
    {
        Device = new InMemoryBlockDevice(DiskSize);
        Session = new NbdSession(new NbdExport(ExportName, ExportDescription, readOnly, Device),
            new DuplexPipe(_toServer.Reader, _fromServer.Writer), "test client", NullLogger.Instance);
    }

    public InMemoryBlockDevice Device { get; }

    public NbdSession Session { get; }

    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <param name="stopBeforeRunning">Stops the session before it runs, with <paramref name="bufferedInput"/> already sent.</param>
    public static SessionHarness Start(bool readOnly = false, bool stopBeforeRunning = false, byte[]? bufferedInput = null)
    {
        var harness = new SessionHarness(readOnly);
        if (bufferedInput is not null)
            harness._toServer.Writer.WriteAsync(bufferedInput).AsTask().Wait();
        if (stopBeforeRunning)
            harness.Session.RequestStop();
        harness.Completion = Task.Run(harness.Session.RunAsync);
        return harness;
    }

    public static async Task<SessionHarness> StartInTransmissionAsync(bool structured = true, bool baseAllocation = true, bool readOnly = false)
    {
        var harness = Start(readOnly);
        await harness.HandshakeAsync();
        if (structured)
        {
            await harness.SendOptionAsync(NbdOption.StructuredReply, []);
            Assert.Equal(OptionReplyType.Ack, (await harness.ReadOptionReplyAsync()).Type);
        }
        if (baseAllocation)
        {
            await harness.SendOptionAsync(NbdOption.SetMetaContext, MetaContextData("", NegotiatedOptions.BaseAllocationContextName));
            Assert.Equal(OptionReplyType.MetaContext, (await harness.ReadOptionReplyAsync()).Type);
            Assert.Equal(OptionReplyType.Ack, (await harness.ReadOptionReplyAsync()).Type);
        }
        await harness.SendOptionAsync(NbdOption.Go, InfoData("", []));
        while ((await harness.ReadOptionReplyAsync()).Type != OptionReplyType.Ack)
        {
        }
        return harness;
    }

    public async Task HandshakeAsync(ClientFlags flags = ClientFlags.FixedNewstyle | ClientFlags.NoZeroes)
    {
        var greeting = await ReadAsync(18);
        Assert.Equal((ulong)NbdMagic.Greeting, BinaryPrimitives.ReadUInt64BigEndian(greeting));
        await WriteAsync(BigEndian32((uint)flags));
    }

    public Task SendOptionAsync(NbdOption option, byte[] data) => WriteAsync(Option(option, data));

    public static byte[] Option(NbdOption option, byte[] data) =>
        [.. BigEndian64((ulong)NbdMagic.Option), .. BigEndian32((uint)option), .. BigEndian32((uint)data.Length), .. data];

    public async Task<(NbdOption Option, OptionReplyType Type, byte[] Data)> ReadOptionReplyAsync()
    {
        var header = await ReadAsync(20);
        Assert.Equal((ulong)NbdMagic.OptionReply, BinaryPrimitives.ReadUInt64BigEndian(header));
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(16));
        return ((NbdOption)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8)), (OptionReplyType)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12)),
            await ReadAsync((int)length));
    }

    public Task SendRequestAsync(NbdCommand command, ulong cookie, ulong offset, uint length, CommandFlags flags = CommandFlags.None, byte[]? payload = null) =>
        WriteAsync(Request(command, cookie, offset, length, flags, payload));

    public static byte[] Request(NbdCommand command, ulong cookie, ulong offset, uint length, CommandFlags flags = CommandFlags.None, byte[]? payload = null) =>
        [.. BigEndian32((uint)NbdMagic.Request), .. BigEndian16((ushort)flags), .. BigEndian16((ushort)command),
            .. BigEndian64(cookie), .. BigEndian64(offset), .. BigEndian32(length), .. payload ?? []];

    public async Task<(NbdError Error, ulong Cookie)> ReadSimpleReplyAsync()
    {
        var reply = await ReadAsync(16);
        Assert.Equal((uint)NbdMagic.SimpleReply, BinaryPrimitives.ReadUInt32BigEndian(reply));
        return ((NbdError)BinaryPrimitives.ReadUInt32BigEndian(reply.AsSpan(4)), BinaryPrimitives.ReadUInt64BigEndian(reply.AsSpan(8)));
    }

    public async Task<(ReplyChunkFlags Flags, ReplyChunkType Type, ulong Cookie, byte[] Payload)> ReadChunkAsync()
    {
        var header = await ReadAsync(20);
        Assert.Equal((uint)NbdMagic.StructuredReply, BinaryPrimitives.ReadUInt32BigEndian(header));
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(16));
        return ((ReplyChunkFlags)BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4)), (ReplyChunkType)BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(6)),
            BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8)), await ReadAsync((int)length));
    }

    /// <summary>The NBD error of a final ERROR chunk.</summary>
    public async Task<(NbdError Error, ulong Cookie)> ReadErrorChunkAsync()
    {
        var chunk = await ReadChunkAsync();
        Assert.Equal(ReplyChunkType.Error, chunk.Type);
        Assert.Equal(ReplyChunkFlags.Done, chunk.Flags);
        var messageLength = BinaryPrimitives.ReadUInt16BigEndian(chunk.Payload.AsSpan(4));
        Assert.Equal(6 + messageLength, chunk.Payload.Length);
        return ((NbdError)BinaryPrimitives.ReadUInt32BigEndian(chunk.Payload), chunk.Cookie);
    }

    public async Task<byte[]> ReadAsync(int count)
    {
        if (count == 0)
            return [];
        var result = await _fromServer.Reader.ReadAtLeastAsync(count).AsTask().WaitAsync(Timeout);
        if (result.Buffer.Length < count)
            throw new EndOfStreamException($"server closed after {result.Buffer.Length} of {count} bytes");
        var bytes = System.Buffers.BuffersExtensions.ToArray(result.Buffer.Slice(0, count));
        _fromServer.Reader.AdvanceTo(result.Buffer.GetPosition(count));
        return bytes;
    }

    /// <summary>True once the server has closed its side with nothing more to read.</summary>
    public async Task<bool> ServerClosedAsync()
    {
        var result = await _fromServer.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        _fromServer.Reader.AdvanceTo(result.Buffer.Start);
        return result.IsCompleted && result.Buffer.IsEmpty;
    }

    public async Task WriteAsync(byte[] bytes) => await _toServer.Writer.WriteAsync(bytes);

    /// <summary>Reads and discards whatever the server sends until it closes its side.</summary>
    public async Task DrainUntilClosedAsync()
    {
        while (true)
        {
            var result = await _fromServer.Reader.ReadAsync();
            _fromServer.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
                return;
        }
    }

    /// <summary>The client goes away without a word, reading nothing more.</summary>
    public async Task CloseClientAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await _fromServer.Reader.CompleteAsync();
    }

    public static byte[] InfoData(string name, InfoType[] items) =>
        [.. BigEndian32((uint)Encoding.UTF8.GetByteCount(name)), .. Encoding.UTF8.GetBytes(name), .. BigEndian16((ushort)items.Length),
            .. items.SelectMany(item => BigEndian16((ushort)item))];

    public static byte[] MetaContextData(string name, params string[] queries) =>
        [.. BigEndian32((uint)name.Length), .. Encoding.UTF8.GetBytes(name), .. BigEndian32((uint)queries.Length),
            .. queries.SelectMany(query => (byte[])[.. BigEndian32((uint)query.Length), .. Encoding.UTF8.GetBytes(query)])];

    public static byte[] BigEndian16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] BigEndian32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] BigEndian64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        await _toServer.Writer.CompleteAsync();
        await _fromServer.Reader.CompleteAsync();
        await Completion.WaitAsync(Timeout);
    }

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}
