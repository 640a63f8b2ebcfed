namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>A write refused because the silo holding its directory has no memory budget left for it.</summary>
[GenerateSerializer]
public sealed class DiskFullException : Exception
{
    public DiskFullException(string message) : base(message) { }
}
