namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>Sizes the server advertises and the bounds it holds each connection to.</summary>
internal static class NbdLimits
{
    public const uint MinimumBlockSize = 1;
    public const uint PreferredBlockSize = 4096;
    public const uint MaximumPayload = 32 * 1024 * 1024;

    /// <summary>Option data beyond this is drained and refused with ERR_TOO_BIG (real options are a few KiB at most).</summary>
    public const uint MaximumOptionLength = 64 * 1024;

    /// <summary>Requests one connection may have in flight, and the payload bytes they may hold between them.</summary>
    public const int MaximumRequestsInFlight = 128;
    public const long MaximumBytesInFlight = 2L * MaximumPayload;
}
