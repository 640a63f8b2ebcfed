namespace ClusterRamDisk.Grains.Interfaces;

/// <summary>
/// The grain key of an export (and the key extension of its directories). NBD's default export name is
/// empty, which Orleans does not accept as a key, hence the prefix.
/// </summary>
public static class ExportKey
{
    public static string Of(string exportName) => "export:" + exportName;
}
