using System.Buffers.Binary;
using ClusterRamDisk.Gateway.Disk;
using ClusterRamDisk.Gateway.Nbd.Protocol;

namespace ClusterRamDisk.Tests.Nbd;

public sealed class TransmissionTests
{
    private static readonly byte[] Pattern = [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7 + 1))];

    [Fact]
    public async Task WriteThenReadRoundTripsWithSimpleReplies()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);

        await harness.SendRequestAsync(NbdCommand.Write, 1, 4096, (uint)Pattern.Length, payload: Pattern);
        Assert.Equal((NbdError.None, 1UL), await harness.ReadSimpleReplyAsync());
        await harness.SendRequestAsync(NbdCommand.Read, 2, 0, 16384);

        Assert.Equal((NbdError.None, 2UL), await harness.ReadSimpleReplyAsync());
        var data = await harness.ReadAsync(16384);
        Assert.Equal(new byte[4096], data[..4096]);
        Assert.Equal(Pattern, data[4096..12288]);
        Assert.Equal(new byte[4096], data[12288..]);
    }

    [Fact]
    public async Task StructuredReadSendsHolesAsOffsetHoleAndDataAsOffsetData()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync();
        await harness.SendRequestAsync(NbdCommand.Write, 1, 4096, 4096, payload: Pattern[..4096]);
        await harness.ReadSimpleReplyAsync();

        await harness.SendRequestAsync(NbdCommand.Read, 2, 0, 12288);

        var hole = await harness.ReadChunkAsync();
        Assert.Equal((ReplyChunkFlags.None, ReplyChunkType.OffsetHole, 2UL), (hole.Flags, hole.Type, hole.Cookie));
        Assert.Equal(Convert.FromHexString("0000000000000000" + "00001000"), hole.Payload);
        var data = await harness.ReadChunkAsync();
        Assert.Equal((ReplyChunkFlags.None, ReplyChunkType.OffsetData), (data.Flags, data.Type));
        Assert.Equal(4096UL, BinaryPrimitives.ReadUInt64BigEndian(data.Payload));
        Assert.Equal(Pattern[..4096], data.Payload[8..]);
        var last = await harness.ReadChunkAsync();
        Assert.Equal((ReplyChunkFlags.Done, ReplyChunkType.OffsetHole), (last.Flags, last.Type));
    }

    [Fact]
    public async Task DontFragmentReadIsOneOffsetDataChunkWithHolesWrittenOut()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync();
        await harness.SendRequestAsync(NbdCommand.Write, 1, 4096, 4096, payload: Pattern[..4096]);
        await harness.ReadSimpleReplyAsync();

        await harness.SendRequestAsync(NbdCommand.Read, 2, 0, 12288, CommandFlags.DontFragment);

        var chunk = await harness.ReadChunkAsync();
        Assert.Equal((ReplyChunkFlags.Done, ReplyChunkType.OffsetData, 2UL), (chunk.Flags, chunk.Type, chunk.Cookie));
        Assert.Equal([.. new byte[8 + 4096], .. Pattern[..4096], .. new byte[4096]], chunk.Payload);
    }

    [Theory]
    [InlineData(CommandFlags.None, "00000800" + "00000003" + "00001000" + "00000000" + "00000800" + "00000003")]
    [InlineData(CommandFlags.RequestOne, "00000800" + "00000003")]
    public async Task BlockStatusIsClippedToTheRequest(CommandFlags flags, string descriptors)
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync();
        await harness.SendRequestAsync(NbdCommand.Write, 1, 4096, 4096, payload: Pattern[..4096]);
        await harness.ReadSimpleReplyAsync();

        await harness.SendRequestAsync(NbdCommand.BlockStatus, 2, 2048, 8192, flags);

        var chunk = await harness.ReadChunkAsync();
        Assert.Equal((ReplyChunkFlags.Done, ReplyChunkType.BlockStatus, 2UL), (chunk.Flags, chunk.Type, chunk.Cookie));
        Assert.Equal(Convert.FromHexString("00000001" + descriptors), chunk.Payload);
    }

    [Fact]
    public async Task BlockStatusWithoutANegotiatedContextIsInvalid()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(baseAllocation: false);

        await harness.SendRequestAsync(NbdCommand.BlockStatus, 5, 0, 4096);

        Assert.Equal((NbdError.InvalidArgument, 5UL), await harness.ReadErrorChunkAsync());
    }

    [Theory]
    [InlineData(NbdCommand.Read, CommandFlags.None, SessionHarness.DiskSize - 4096, 8192u, NbdError.InvalidArgument)]
    [InlineData(NbdCommand.Write, CommandFlags.None, SessionHarness.DiskSize - 4096, 8192u, NbdError.NoSpace)]
    [InlineData(NbdCommand.Write, CommandFlags.None, ulong.MaxValue, 4096u, NbdError.NoSpace)]
    [InlineData(NbdCommand.Trim, CommandFlags.None, SessionHarness.DiskSize, 1u, NbdError.InvalidArgument)]
    [InlineData(NbdCommand.Cache, CommandFlags.None, SessionHarness.DiskSize + 1, 0u, NbdError.InvalidArgument)]
    [InlineData(NbdCommand.WriteZeroes, CommandFlags.None, SessionHarness.DiskSize - 1, 2u, NbdError.NoSpace)]
    [InlineData(NbdCommand.BlockStatus, CommandFlags.None, SessionHarness.DiskSize, 512u, NbdError.InvalidArgument)]
    [InlineData((NbdCommand)42, CommandFlags.None, 0ul, 0u, NbdError.InvalidArgument)]
    [InlineData(NbdCommand.Read, CommandFlags.Fua, 0ul, 512u, NbdError.InvalidArgument)]
    [InlineData(NbdCommand.Write, CommandFlags.NoHole, 0ul, 512u, NbdError.InvalidArgument)]
    [InlineData(NbdCommand.Flush, (CommandFlags)0x8000, 0ul, 0u, NbdError.InvalidArgument)]
    [InlineData(NbdCommand.Read, CommandFlags.None, 0ul, 32 * 1024 * 1024 + 1u, NbdError.InvalidArgument)]
    public async Task BadRequestsGetTheSpecifiedErrorAndTheStreamStaysInStep(NbdCommand command, CommandFlags flags, ulong offset, uint length, NbdError expected)
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync();

        await harness.SendRequestAsync(command, 7, offset, length, flags, command == NbdCommand.Write ? new byte[length] : null);
        await harness.SendRequestAsync(NbdCommand.Flush, 8, 0, 0);

        Assert.Equal((expected, 7UL), await harness.ReadErrorChunkAsync());
        Assert.Equal((NbdError.None, 8UL), await harness.ReadSimpleReplyAsync());
    }

    [Fact]
    public async Task DontFragmentWithoutStructuredRepliesIsInvalid()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);

        await harness.SendRequestAsync(NbdCommand.Read, 3, 0, 512, CommandFlags.DontFragment);

        Assert.Equal((NbdError.InvalidArgument, 3UL), await harness.ReadSimpleReplyAsync());
    }

    [Fact]
    public async Task APayloadArrivingInPartsIsStoredFromTheReceiveBufferInWholePages()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);

        // 5000 bytes in: only the first whole page (4096-8192) can go without splitting a page.
        await harness.SendRequestAsync(NbdCommand.Write, 1, 4096, (uint)Pattern.Length, payload: Pattern[..5000]);
        await WaitUntilAsync(() => harness.Device.WritesStoredNow == 1);
        await harness.WriteAsync(Pattern[5000..]);

        Assert.Equal((NbdError.None, 1UL), await harness.ReadSimpleReplyAsync());
        Assert.Equal(2, harness.Device.WritesStoredNow);
        await AssertPatternReadsBackAsync(harness, offset: 4096);
    }

    [Fact]
    public async Task APayloadTheDeviceCannotStoreAtOnceIsWrittenOnceItHasArrived()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);
        var written = new TaskCompletionSource();
        harness.Device.BeforeOperation = _ =>
        {
            written.TrySetResult();
            return Task.CompletedTask;
        };

        await harness.SendRequestAsync(NbdCommand.Write, 1, 0, (uint)Pattern.Length, payload: Pattern);
        Assert.Equal((NbdError.None, 1UL), await harness.ReadSimpleReplyAsync());
        await written.Task;

        Assert.Equal(0, harness.Device.WritesStoredNow);
        harness.Device.BeforeOperation = null;
        await AssertPatternReadsBackAsync(harness, offset: 0);
    }

    [Fact]
    public async Task OversizedWriteIsRefusedWithItsPayloadDrained()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);
        const uint length = 32 * 1024 * 1024 + 1;

        var send = harness.SendRequestAsync(NbdCommand.Write, 4, 0, length, payload: new byte[length]);
        Assert.Equal((NbdError.InvalidArgument, 4UL), await harness.ReadSimpleReplyAsync());
        await send;
        await harness.SendRequestAsync(NbdCommand.Read, 5, 0, 1);

        Assert.Equal((NbdError.None, 5UL), await harness.ReadSimpleReplyAsync());
    }

    [Theory]
    [InlineData(NbdCommand.Write)]
    [InlineData(NbdCommand.Trim)]
    [InlineData(NbdCommand.WriteZeroes)]
    public async Task ReadOnlyExportRefusesChangesWithEperm(NbdCommand command)
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false, readOnly: true);

        await harness.SendRequestAsync(command, 6, 0, 512, payload: command == NbdCommand.Write ? new byte[512] : null);

        Assert.Equal((NbdError.PermissionDenied, 6UL), await harness.ReadSimpleReplyAsync());
    }

    [Theory]
    [InlineData(NbdCommand.Write)]
    [InlineData(NbdCommand.Trim)]
    [InlineData(NbdCommand.WriteZeroes)]
    [InlineData(NbdCommand.Cache)]
    public async Task ZeroLengthRequestsSucceed(NbdCommand command)
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);

        await harness.SendRequestAsync(command, 1, 512, 0);

        Assert.Equal((NbdError.None, 1UL), await harness.ReadSimpleReplyAsync());
    }

    [Fact]
    public async Task ZeroLengthStructuredReadIsASingleNoneChunk()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync();

        await harness.SendRequestAsync(NbdCommand.Read, 1, 512, 0);

        var chunk = await harness.ReadChunkAsync();
        Assert.Equal((ReplyChunkFlags.Done, ReplyChunkType.None, 1UL), (chunk.Flags, chunk.Type, chunk.Cookie));
    }

    [Fact]
    public async Task TrimAndWriteZeroesZeroTheRange()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);
        await harness.SendRequestAsync(NbdCommand.Write, 1, 0, 8192, payload: Pattern);
        await harness.ReadSimpleReplyAsync();

        await harness.SendRequestAsync(NbdCommand.Trim, 2, 0, 4096);
        await harness.SendRequestAsync(NbdCommand.WriteZeroes, 3, 4096, 4096, CommandFlags.NoHole | CommandFlags.FastZero);
        await harness.SendRequestAsync(NbdCommand.Read, 4, 0, 8192);

        Assert.Equal((NbdError.None, 2UL), await harness.ReadSimpleReplyAsync());
        Assert.Equal((NbdError.None, 3UL), await harness.ReadSimpleReplyAsync());
        Assert.Equal((NbdError.None, 4UL), await harness.ReadSimpleReplyAsync());
        Assert.Equal(new byte[8192], await harness.ReadAsync(8192));
    }

    [Fact]
    public async Task FlushAndFuaReachTheDevice()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);

        await harness.SendRequestAsync(NbdCommand.Write, 1, 0, 512, CommandFlags.Fua, new byte[512]);
        await harness.SendRequestAsync(NbdCommand.Flush, 2, 0, 0);
        await harness.ReadSimpleReplyAsync();
        await harness.ReadSimpleReplyAsync();

        Assert.Equal(2, harness.Device.FlushCount);
    }

    [Theory]
    [InlineData(DiskError.NoSpace, NbdError.NoSpace)]
    [InlineData(DiskError.IoError, NbdError.InputOutput)]
    public async Task DiskExceptionsBecomeTheirErrno(DiskError error, NbdError expected)
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync();
        harness.Device.Failure = new DiskException(error, "test failure");

        await harness.SendRequestAsync(NbdCommand.Write, 1, 0, 512, payload: new byte[512]);
        await harness.SendRequestAsync(NbdCommand.Read, 2, 0, 512);

        Assert.Equal((expected, 1UL), await harness.ReadErrorChunkAsync());
        Assert.Equal((expected, 2UL), await harness.ReadErrorChunkAsync());
    }

    [Fact]
    public async Task AnyOtherDeviceExceptionIsAnIoError()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);
        harness.Device.Failure = new InvalidOperationException("bug");

        await harness.SendRequestAsync(NbdCommand.Flush, 1, 0, 0);
        Assert.Equal((NbdError.InputOutput, 1UL), await harness.ReadSimpleReplyAsync());
        harness.Device.Failure = null;
        await harness.SendRequestAsync(NbdCommand.Flush, 2, 0, 0);

        Assert.Equal((NbdError.None, 2UL), await harness.ReadSimpleReplyAsync());
    }

    [Fact]
    public async Task RepliesGoOutAsRequestsComplete()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);
        var release = new TaskCompletionSource();
        harness.Device.BeforeOperation = offset => offset == 0 ? release.Task : Task.CompletedTask;

        await harness.SendRequestAsync(NbdCommand.Read, 1, 0, 512);
        await harness.SendRequestAsync(NbdCommand.Read, 2, 4096, 512);

        Assert.Equal((NbdError.None, 2UL), await harness.ReadSimpleReplyAsync());
        await harness.ReadAsync(512);
        release.SetResult();
        Assert.Equal((NbdError.None, 1UL), await harness.ReadSimpleReplyAsync());
    }

    [Fact]
    public async Task DisconnectFinishesOutstandingRequestsThenCloses()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync(structured: false, baseAllocation: false);
        var release = new TaskCompletionSource();
        harness.Device.BeforeOperation = _ => release.Task;

        await harness.SendRequestAsync(NbdCommand.Write, 1, 0, 512, payload: Pattern[..512]);
        await harness.SendRequestAsync(NbdCommand.Disconnect, 2, 0, 0);
        release.SetResult();

        Assert.Equal((NbdError.None, 1UL), await harness.ReadSimpleReplyAsync());
        Assert.True(await harness.ServerClosedAsync());
        Assert.Equal(Pattern[..512], (await harness.Device.ReadAsync(0, 512, default)).Segments[0].Data.ToArray());
    }

    [Fact]
    public async Task StopAnswersInFlightRequestsRefusesNewOnesThenCloses()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync();
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        harness.Device.BeforeOperation = _ =>
        {
            entered.TrySetResult();
            return release.Task;
        };
        await harness.SendRequestAsync(NbdCommand.Write, 1, 0, 512, payload: new byte[512]);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));

        harness.Session.RequestStop();
        await harness.SendRequestAsync(NbdCommand.Write, 2, 0, 512, payload: new byte[512]);
        await harness.SendRequestAsync(NbdCommand.Read, 3, 0, 512);

        Assert.Equal((NbdError.Shutdown, 2UL), await harness.ReadErrorChunkAsync());
        Assert.Equal((NbdError.Shutdown, 3UL), await harness.ReadErrorChunkAsync());
        release.SetResult();
        Assert.Equal((NbdError.None, 1UL), await harness.ReadSimpleReplyAsync());
        Assert.True(await harness.ServerClosedAsync());
    }

    [Fact]
    public async Task StopClosesTheSessionEvenWhileTheClientKeepsSending()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync();
        using var stopSending = new CancellationTokenSource();
        // Requests in batches, so that there is always more input at hand than the session has answered.
        var batch = Enumerable.Repeat(SessionHarness.Request(NbdCommand.Read, 1, 0, 512), 1000).SelectMany(request => request).ToArray();
        var sender = Task.Run(async () =>
        {
            while (!stopSending.IsCancellationRequested)
                await harness.WriteAsync(batch);
        });
        var drained = harness.DrainUntilClosedAsync();
        await Task.Delay(200);

        harness.Session.RequestStop();

        await drained.WaitAsync(TimeSpan.FromSeconds(10));
        await stopSending.CancelAsync();
        await sender;
    }

    [Fact]
    public async Task BadRequestMagicClosesTheConnection()
    {
        await using var harness = await SessionHarness.StartInTransmissionAsync();

        await harness.WriteAsync(new byte[28]);

        Assert.True(await harness.ServerClosedAsync());
    }

    [Fact]
    public async Task AClientVanishingWithRequestsInFlightEndsTheSessionQuietly()
    {
        var harness = await SessionHarness.StartInTransmissionAsync();
        var release = new TaskCompletionSource();
        harness.Device.BeforeOperation = _ => release.Task;
        await harness.SendRequestAsync(NbdCommand.Read, 1, 0, 4096);
        await harness.SendRequestAsync(NbdCommand.Write, 2, 0, 4096, payload: new byte[4096]);

        await harness.CloseClientAsync();
        release.SetResult();

        await harness.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(harness.Completion.IsCompletedSuccessfully);
        await harness.DisposeAsync();
    }

    /// <summary>Reads <see cref="Pattern"/>'s length back from <paramref name="offset"/> (handle 2) and expects the pattern.</summary>
    private static async Task AssertPatternReadsBackAsync(SessionHarness harness, ulong offset)
    {
        await harness.SendRequestAsync(NbdCommand.Read, 2, offset, (uint)Pattern.Length);
        Assert.Equal((NbdError.None, 2UL), await harness.ReadSimpleReplyAsync());
        Assert.Equal(Pattern, await harness.ReadAsync(Pattern.Length));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 10 s");
            await Task.Delay(10);
        }
    }
}
