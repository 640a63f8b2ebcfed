namespace ClusterRamDisk.Gateway.Disk;

public enum DiskError
{
    /// <summary>The data cannot be read or written (for example, its directory was lost).</summary>
    IoError,
    /// <summary>No memory is left to store the data.</summary>
    NoSpace,
}

/// <summary>A request the disk could not carry out; the session turns it into an NBD error.</summary>
public sealed class DiskException(DiskError error, string message, Exception? inner = null) : Exception(message, inner)
{
    public DiskError Error { get; } = error;
}
