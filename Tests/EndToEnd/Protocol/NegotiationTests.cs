using ClusterRamDisk.Tests.EndToEnd.Fixtures;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Protocol;

public sealed class NegotiationTests(SmallDiskFixture fixture) : IClassFixture<SmallDiskFixture>
{
    [Fact]
    public async Task Option_haggling_list_info_go_abort_meta_contexts_structured_replies_and_unknown_options() =>
        await PythonScripts.AssertPassesAsync(fixture.Server, "negotiation.py", "", SmallDiskFixture.Size.ToString());

    [Fact]
    public async Task Nbdinfo_lists_the_default_export()
    {
        var result = (await ToolRunner.RunAsync("nbdinfo", "--list", "--json", fixture.Server.Uri)).AssertSuccess();
        Assert.Contains("\"export-name\": \"\"", result.Stdout);
    }
}
