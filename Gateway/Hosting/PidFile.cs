namespace ClusterRamDisk.Gateway.Hosting;

/// <summary>
/// The --pidfile file. Written by rename so a reader polling <c>[ -s pidfile ]</c> never sees it empty or half
/// written; the host writes it only once the server accepts connections, so its appearance means "ready".
/// Disposing removes it.
/// </summary>
public sealed class PidFile : IDisposable
{
    private PidFile(string path) => FilePath = path;

    public string FilePath { get; }

    public static PidFile Write(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, $"{Environment.ProcessId}\n");
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return new PidFile(fullPath);
    }

    public void Dispose() => File.Delete(FilePath);
}
