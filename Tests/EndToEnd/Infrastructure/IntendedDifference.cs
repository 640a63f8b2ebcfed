namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>
/// Trait for tests that assert where we deliberately differ from nbdkit 1.32; they are expected to fail
/// when the suite runs against it (CRD_TEST_SERVER=nbdkit), and can be left out with
/// <c>--filter Category!=DiffersFromNbdkit</c>.
/// </summary>
internal static class IntendedDifference
{
    public const string Category = "Category";
    public const string DiffersFromNbdkit = "DiffersFromNbdkit";
}
