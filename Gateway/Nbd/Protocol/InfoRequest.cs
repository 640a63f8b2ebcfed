namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>The data of NBD_OPT_INFO and NBD_OPT_GO: an export name and the information items wanted.</summary>
public sealed record InfoRequest(string ExportName, IReadOnlyList<InfoType> Items);
