namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>The data of NBD_OPT_LIST_META_CONTEXT and NBD_OPT_SET_META_CONTEXT.</summary>
public sealed record MetaContextRequest(string ExportName, IReadOnlyList<string> Queries);
