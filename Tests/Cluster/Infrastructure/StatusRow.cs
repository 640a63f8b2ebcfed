namespace ClusterRamDisk.Tests.Cluster.Infrastructure;

/// <summary>One row of the status command's JSON.</summary>
internal sealed record StatusRow(string Silo, int Directories, long StoredBytes, long LogicalBytes, long BudgetBytes, long FreeBytes);
