namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>
/// The two stages of a graceful stop as the session's readers see them: first the stop is requested (new options
/// and requests are refused), then, once nothing is in flight, reading closes (only input already buffered is
/// still answered).
/// </summary>
internal sealed class StopSignal
{
    private volatile bool _requested;
    private volatile bool _readingClosed;

    public bool IsRequested => _requested;

    public bool IsReadingClosed => _readingClosed;

    public void Request() => _requested = true;

    public void CloseReading() => _readingClosed = true;
}
