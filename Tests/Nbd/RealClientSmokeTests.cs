using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ClusterRamDisk.Gateway.Nbd.Server;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClusterRamDisk.Tests.Nbd;

/// <summary>Real libnbd clients (nbdinfo, the Python binding) against NbdServer on loopback.</summary>
public sealed class RealClientSmokeTests
{
    private const long DiskSize = 64L * 1024 * 1024;

    [Fact]
    public async Task NbdinfoSeesTheSameCapabilitiesAsNbdkitMemory()
    {
        await using var server = await StartAsync(new IPEndPoint(IPAddress.Loopback, 0), readOnly: false);
        var port = ((IPEndPoint)server.BoundEndpoints[0]).Port;

        var output = await RunAsync("nbdinfo", "--json", $"nbd://127.0.0.1:{port}/");

        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("structured").GetBoolean());
        var export = json.RootElement.GetProperty("exports")[0];
        Assert.Equal(DiskSize, export.GetProperty("export-size").GetInt64());
        Assert.Equal(["base:allocation"], export.GetProperty("contexts").EnumerateArray().Select(context => context.GetString()));
        foreach (var capability in new[] { "can_cache", "can_df", "can_fast_zero", "can_flush", "can_fua", "can_multi_conn", "can_trim", "can_zero" })
            Assert.True(export.GetProperty(capability).GetBoolean(), capability);
        Assert.False(export.GetProperty("is_read_only").GetBoolean());
        Assert.False(export.GetProperty("is_rotational").GetBoolean());
        Assert.Equal("test disk", export.GetProperty("description").GetString());
        Assert.Equal(1, export.GetProperty("block_size_minimum").GetInt32());
        Assert.Equal(4096, export.GetProperty("block_size_preferred").GetInt32());
        Assert.Equal(32 * 1024 * 1024, export.GetProperty("block_size_maximum").GetInt32());
    }

    [Fact]
    public async Task NbdinfoListsTheExportOverAUnixSocket()
    {
        var directory = Directory.CreateTempSubdirectory("nbd-smoke");
        try
        {
            var path = Path.Combine(directory.FullName, "socket");
            await using (var server = await StartAsync(new UnixDomainSocketEndPoint(path), readOnly: true))
            {
                var output = await RunAsync("nbdinfo", "--list", "--json", $"nbd+unix:///?socket={path}");
                using var json = JsonDocument.Parse(output);
                var export = json.RootElement.GetProperty("exports")[0];
                Assert.Equal("smoke", export.GetProperty("export-name").GetString());
                Assert.True(export.GetProperty("is_read_only").GetBoolean());
            }
            Assert.False(File.Exists(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task PythonLibnbdDrivesEveryCommand()
    {
        await using var server = await StartAsync(new IPEndPoint(IPAddress.Loopback, 0), readOnly: false);
        var port = ((IPEndPoint)server.BoundEndpoints[0]).Port;
        const string script = """
            import nbd, sys
            h = nbd.NBD()
            h.add_meta_context("base:allocation")
            h.connect_uri(sys.argv[1])
            assert h.get_structured_replies_negotiated()
            assert h.can_meta_context("base:allocation")
            data = bytes(range(256)) * 64
            h.pwrite(data, 8192, nbd.CMD_FLAG_FUA)
            assert h.pread(len(data), 8192) == data
            assert h.pread(4096, 0) == bytes(4096)
            chunks = []
            record = lambda sub, off, status, err: chunks.append((off, len(sub), status))
            assert h.pread_structured(65536, 0, record)[8192:8192 + len(data)] == data
            assert chunks == [(0, 8192, nbd.READ_HOLE), (8192, 16384, nbd.READ_DATA), (24576, 65536 - 24576, nbd.READ_HOLE)], chunks
            chunks.clear()
            assert h.pread_structured(65536, 0, record, nbd.CMD_FLAG_DF)[8192:8192 + len(data)] == data
            assert chunks == [(0, 65536, nbd.READ_DATA)], chunks
            extents = []
            h.block_status(65536, 0, lambda ctx, off, ents, err: extents.extend(ents))
            assert extents[:6] == [8192, 3, 16384, 0, 65536 - 24576, 3], extents
            h.trim(16384, 8192)
            h.zero(4096, 12288, nbd.CMD_FLAG_FAST_ZERO)
            assert h.pread(4096, 12288) == bytes(4096)
            h.flush()
            h.cache(4096, 0)
            try:
                h.pread(4096, 64 * 1024 * 1024)
                raise SystemExit("read beyond the end succeeded")
            except nbd.Error as e:
                assert e.errnum == 22, e
            h.shutdown()
            print("ok")
            """;

        var output = await RunAsync("/usr/bin/python3", "-c", script, $"nbd://127.0.0.1:{port}/");

        Assert.Equal("ok", output.Trim());
    }

    private static async Task<NbdServer> StartAsync(EndPoint endpoint, bool readOnly)
    {
        var server = new NbdServer(new NbdExport("smoke", "test disk", readOnly, new InMemoryBlockDevice(DiskSize)), NullLoggerFactory.Instance);
        await server.StartAsync([endpoint], CancellationToken.None);
        return server;
    }

    /// <summary>Runs a client to completion; a missing tool fails the test (Process.Start throws).</summary>
    private static async Task<string> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{fileName} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
