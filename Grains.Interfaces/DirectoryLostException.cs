namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>
/// A directory whose pages died with their silo: it answers every call with this rather than zeroes in place of the data.
/// </summary>
[GenerateSerializer]
public sealed class DirectoryLostException : Exception
{
    public DirectoryLostException(string message) : base(message) { }
}
