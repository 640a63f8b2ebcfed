using ClusterRamDisk.Tests.EndToEnd.Fixtures;

namespace ClusterRamDisk.Tests.EndToEnd.Allocators;

public sealed class MallocAllocatorTests(MallocServerFixture fixture) : AllocatorTests<MallocServerFixture>(fixture);
