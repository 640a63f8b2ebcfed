using ClusterRamDisk.Tests.EndToEnd.Fixtures;
using ClusterRamDisk.Tests.EndToEnd.Infrastructure;

namespace ClusterRamDisk.Tests.EndToEnd.Protocol;

public sealed class ErrorTests(SmallDiskFixture fixture) : IClassFixture<SmallDiskFixture>
{
    [Fact]
    public async Task Out_of_range_requests_unknown_commands_and_misplaced_flags_fail_with_the_right_errno() =>
        await PythonScripts.AssertPassesAsync(fixture.Server, "errors.py", SmallDiskFixture.Size.ToString());
}
