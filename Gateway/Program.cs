using ClusterRamDisk.Gateway.CommandLine;
using ClusterRamDisk.Gateway.Hosting;
using ClusterRamDisk.Gateway.Status;

switch (GatewayCommandLine.Parse(args))
{
    case ParseOutcome.Serve serve:
        return await GatewayHost.RunAsync(serve.Options);
    case ParseOutcome.Status status:
        return await StatusCommand.RunAsync(status);
    case ParseOutcome.Help:
        Console.Out.Write(UsageText.Text);
        return 0;
    case ParseOutcome.Version:
        Console.Out.WriteLine(VersionText.Build());
        return 0;
    case ParseOutcome.DumpPlugin:
        foreach (var line in PluginDump.Lines)
            Console.Out.WriteLine(line);
        return 0;
    case ParseOutcome.Error error:
        Console.Error.WriteLine(error.StderrLine);
        return 1;
    default:
        throw new InvalidOperationException("unhandled command-line outcome");
}
