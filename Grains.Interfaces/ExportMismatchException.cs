namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>A gateway asked to serve an export with settings other than those it already has in the cluster.</summary>
[GenerateSerializer]
public sealed class ExportMismatchException : Exception
{
    public ExportMismatchException(string message) : base(message) { }
}
