using System.Buffers.Binary;
using System.Text;
using ClusterRamDisk.Gateway.Nbd.Protocol;

namespace ClusterRamDisk.Tests.Nbd;

public sealed class NegotiationTests
{
    [Theory]
    [InlineData(true, 10)]
    [InlineData(false, 134)]
    public async Task ExportNameRepliesWithSizeAndFlagsAndHonoursNoZeroes(bool noZeroes, int replyLength)
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync(noZeroes ? ClientFlags.FixedNewstyle | ClientFlags.NoZeroes : ClientFlags.FixedNewstyle);

        await harness.SendOptionAsync(NbdOption.ExportName, Encoding.UTF8.GetBytes("any name at all"));

        var reply = await harness.ReadAsync(replyLength);
        Assert.Equal((ulong)SessionHarness.DiskSize, BinaryPrimitives.ReadUInt64BigEndian(reply));
        Assert.Equal(0x0D6D, BinaryPrimitives.ReadUInt16BigEndian(reply.AsSpan(8)));
        Assert.All(reply[10..], value => Assert.Equal(0, value));
        // In transmission now: a request gets an answer.
        await harness.SendRequestAsync(NbdCommand.Flush, 9, 0, 0);
        Assert.Equal((NbdError.None, 9UL), await harness.ReadSimpleReplyAsync());
    }

    [Fact]
    public async Task GreetingOffersFixedNewstyleAndNoZeroes()
    {
        await using var harness = SessionHarness.Start();

        var greeting = await harness.ReadAsync(18);

        Assert.Equal(Convert.FromHexString("4e42444d41474943" + "49484156454f5054" + "0003"), greeting);
    }

    [Theory]
    [InlineData(ClientFlags.FixedNewstyle | (ClientFlags)4)]
    [InlineData(ClientFlags.None)]
    public async Task UnknownClientFlagsOrPlainNewstyleDisconnect(ClientFlags flags)
    {
        await using var harness = SessionHarness.Start();

        await harness.HandshakeAsync(flags);

        Assert.True(await harness.ServerClosedAsync());
    }

    [Fact]
    public async Task ListAnswersTheConfiguredExportName()
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync();

        await harness.SendOptionAsync(NbdOption.List, []);

        var server = await harness.ReadOptionReplyAsync();
        Assert.Equal((NbdOption.List, OptionReplyType.Server), (server.Option, server.Type));
        Assert.Equal([.. SessionHarness.BigEndian32(4), .. "disk"u8.ToArray()], server.Data);
        Assert.Equal(OptionReplyType.Ack, (await harness.ReadOptionReplyAsync()).Type);
    }

    [Fact]
    public async Task InfoAnswersRequestedItemsAlwaysSendsBlockSizeAndKeepsHaggling()
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync();

        await harness.SendOptionAsync(NbdOption.Info, SessionHarness.InfoData("whatever", [InfoType.Name, InfoType.Description]));

        var replies = new List<byte[]>();
        while (await harness.ReadOptionReplyAsync() is { Type: OptionReplyType.Info } info)
            replies.Add(info.Data);
        Assert.Equal([.. SessionHarness.BigEndian16(1), .. "disk"u8.ToArray()], replies[0]);
        Assert.Equal([.. SessionHarness.BigEndian16(2), .. Encoding.UTF8.GetBytes(SessionHarness.ExportDescription)], replies[1]);
        Assert.Equal(Convert.FromHexString("0003" + "00000001" + "00001000" + "02000000"), replies[2]);
        Assert.Equal(Convert.FromHexString("0000" + "0000000000100000" + "0d6d"), replies[3]);
        Assert.Equal(4, replies.Count);

        await harness.SendOptionAsync(NbdOption.Abort, []);
        Assert.Equal(OptionReplyType.Ack, (await harness.ReadOptionReplyAsync()).Type);
        Assert.True(await harness.ServerClosedAsync());
    }

    [Theory]
    [InlineData(false, false, 0x0D6D)]
    [InlineData(true, false, 0x0DED)]
    [InlineData(false, true, 0x0507)]
    [InlineData(true, true, 0x0587)]
    public async Task GoAdvertisesWhatNbdkitMemoryAdvertises(bool structured, bool readOnly, int expectedFlags)
    {
        await using var harness = SessionHarness.Start(readOnly);
        await harness.HandshakeAsync();
        if (structured)
        {
            await harness.SendOptionAsync(NbdOption.StructuredReply, []);
            Assert.Equal(OptionReplyType.Ack, (await harness.ReadOptionReplyAsync()).Type);
        }

        await harness.SendOptionAsync(NbdOption.Go, SessionHarness.InfoData("", []));

        var blockSize = await harness.ReadOptionReplyAsync();
        Assert.Equal(OptionReplyType.Info, blockSize.Type);
        var export = await harness.ReadOptionReplyAsync();
        Assert.Equal(expectedFlags, BinaryPrimitives.ReadUInt16BigEndian(export.Data.AsSpan(10)));
        Assert.Equal((NbdOption.Go, OptionReplyType.Ack), ((await harness.ReadOptionReplyAsync()) is var ack ? (ack.Option, ack.Type) : default));
    }

    [Fact]
    public async Task UnknownOptionsAreUnsupportedAndHagglingGoesOn()
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync();

        await harness.SendOptionAsync((NbdOption)99, [1, 2, 3]);
        await harness.SendOptionAsync(NbdOption.StartTls, []);
        await harness.SendOptionAsync(NbdOption.StructuredReply, []);

        Assert.Equal(((NbdOption)99, OptionReplyType.ErrorUnsupported), await TypeOf(harness));
        Assert.Equal((NbdOption.StartTls, OptionReplyType.ErrorUnsupported), await TypeOf(harness));
        Assert.Equal((NbdOption.StructuredReply, OptionReplyType.Ack), await TypeOf(harness));
    }

    [Fact]
    public async Task MetaContextsNeedStructuredRepliesFirst()
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync();

        await harness.SendOptionAsync(NbdOption.SetMetaContext, SessionHarness.MetaContextData("", "base:allocation"));
        await harness.SendOptionAsync(NbdOption.ListMetaContext, SessionHarness.MetaContextData(""));

        Assert.Equal((NbdOption.SetMetaContext, OptionReplyType.ErrorInvalid), await TypeOf(harness));
        Assert.Equal((NbdOption.ListMetaContext, OptionReplyType.ErrorInvalid), await TypeOf(harness));
    }

    [Theory]
    [InlineData(NbdOption.ListMetaContext, new string[0], true)]
    [InlineData(NbdOption.ListMetaContext, new[] { "base:" }, true)]
    [InlineData(NbdOption.ListMetaContext, new[] { "qemu:dirty-bitmap:x" }, false)]
    [InlineData(NbdOption.SetMetaContext, new[] { "other:thing", "base:allocation" }, true)]
    [InlineData(NbdOption.SetMetaContext, new string[0], false)]
    public async Task MetaContextQueriesMatchBaseAllocation(NbdOption option, string[] queries, bool matches)
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync();
        await harness.SendOptionAsync(NbdOption.StructuredReply, []);
        await harness.ReadOptionReplyAsync();

        await harness.SendOptionAsync(option, SessionHarness.MetaContextData("", queries));

        if (matches)
        {
            var context = await harness.ReadOptionReplyAsync();
            Assert.Equal(OptionReplyType.MetaContext, context.Type);
            Assert.Equal([.. SessionHarness.BigEndian32(1), .. "base:allocation"u8.ToArray()], context.Data);
        }
        Assert.Equal((option, OptionReplyType.Ack), await TypeOf(harness));
    }

    [Fact]
    public async Task MalformedOptionDataIsInvalid()
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync();

        await harness.SendOptionAsync(NbdOption.Go, [0, 0, 0, 9, 1]);
        await harness.SendOptionAsync(NbdOption.List, [1]);
        await harness.SendOptionAsync(NbdOption.StructuredReply, [1]);

        Assert.Equal((NbdOption.Go, OptionReplyType.ErrorInvalid), await TypeOf(harness));
        Assert.Equal((NbdOption.List, OptionReplyType.ErrorInvalid), await TypeOf(harness));
        Assert.Equal((NbdOption.StructuredReply, OptionReplyType.ErrorInvalid), await TypeOf(harness));
    }

    [Fact]
    public async Task OversizedOptionIsDrainedAndRefusedAsTooBig()
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync();

        var send = harness.SendOptionAsync(NbdOption.Info, new byte[1024 * 1024]);
        Assert.Equal((NbdOption.Info, OptionReplyType.ErrorTooBig), await TypeOf(harness));
        await send;
        await harness.SendOptionAsync(NbdOption.List, []);

        Assert.Equal((NbdOption.List, OptionReplyType.Server), await TypeOf(harness));
    }

    [Fact]
    public async Task OptionsAfterAStopGetErrShutdown()
    {
        byte[] clientFlags = SessionHarness.BigEndian32((uint)(ClientFlags.FixedNewstyle | ClientFlags.NoZeroes));
        byte[] go = SessionHarness.Option(NbdOption.Go, SessionHarness.InfoData("", []));
        await using var harness = SessionHarness.Start(stopBeforeRunning: true, bufferedInput: [.. clientFlags, .. go]);

        await harness.ReadAsync(18);

        Assert.Equal((NbdOption.Go, OptionReplyType.ErrorShutdown), await TypeOf(harness));
        Assert.True(await harness.ServerClosedAsync());
    }

    [Fact]
    public async Task AStopClosesAnIdleNegotiation()
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync();
        await harness.SendOptionAsync(NbdOption.StructuredReply, []);
        await harness.ReadOptionReplyAsync();

        harness.Session.RequestStop();

        Assert.True(await harness.ServerClosedAsync());
    }

    [Fact]
    public async Task GarbageInsteadOfAnOptionClosesTheConnection()
    {
        await using var harness = SessionHarness.Start();
        await harness.HandshakeAsync();

        await harness.WriteAsync(new byte[16]);

        Assert.True(await harness.ServerClosedAsync());
    }

    private static async Task<(NbdOption, OptionReplyType)> TypeOf(SessionHarness harness)
    {
        var reply = await harness.ReadOptionReplyAsync();
        return (reply.Option, reply.Type);
    }
}
