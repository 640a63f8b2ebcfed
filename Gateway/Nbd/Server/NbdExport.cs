using ClusterRamDisk.Gateway.Disk;

namespace ClusterRamDisk.Gateway.Nbd.Server;

/// <summary>The one disk the server serves, under whatever export name a client asks for (as nbdkit memory does).</summary>
public sealed record NbdExport(string Name, string Description, bool ReadOnly, IBlockDevice Device);
