using ClusterRamDisk.Gateway.CommandLine;

namespace ClusterRamDisk.Tests.CommandLine;

public class InformationTextTests
{
    [Fact]
    public void DumpPluginPrintsNbdkitKeys()
    {
        var values = PluginDump.Lines.Select(line => line.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);

        Assert.Equal("memory", values["name"]);
        Assert.Equal(VersionText.GatewayVersion, values["version"]);
        Assert.Equal("parallel", values["thread_model"]);
        Assert.Equal("parallel", values["max_thread_model"]);
        Assert.Equal("size", values["magic_config_key"]);
        Assert.Equal("yes", values["zstd"]);
        Assert.Equal(OperatingSystem.IsLinux(), values.GetValueOrDefault("mlock") == "yes");
    }

    [Fact]
    public void VersionNamesProgramOrleansAndDotNet()
    {
        var lines = VersionText.Build().Split('\n');

        Assert.Equal($"clusterramdisk {VersionText.GatewayVersion}", lines[0]);
        Assert.DoesNotContain('+', VersionText.GatewayVersion);
        Assert.Matches(@"^Orleans 10\.\d+\.\d+", lines[1]);
        Assert.StartsWith(".NET 10.", lines[2]);
    }

    [Fact]
    public void UsageShowsEveryOptionAndThePlugin()
    {
        foreach (var kind in Enum.GetValues<OptionKind>())
            Assert.Contains(OptionTable.Spellings, s => s.Kind == kind && UsageText.Text.Contains("--" + s.LongName));
        Assert.Contains("memory [size=]SIZE", UsageText.Text);
    }
}
