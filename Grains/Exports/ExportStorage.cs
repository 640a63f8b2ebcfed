namespace ClusterRamDisk.Grains.Exports;

/// <summary>The grain storage export records live in: memory for a single process, Redis for a cluster.</summary>
public static class ExportStorage
{
    public const string Name = "exports";
}
