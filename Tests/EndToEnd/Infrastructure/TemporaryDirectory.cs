namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>A private temp directory (for sockets and images), deleted with everything in it.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("crd-e2e-");

    public string PathOf(string name) => Path.Combine(_directory.FullName, name);

    public void Dispose() => _directory.Delete(recursive: true);
}
