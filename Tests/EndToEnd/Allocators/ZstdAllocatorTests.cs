using ClusterRamDisk.Tests.EndToEnd.Fixtures;

namespace ClusterRamDisk.Tests.EndToEnd.Allocators;

public sealed class ZstdAllocatorTests(ZstdServerFixture fixture) : AllocatorTests<ZstdServerFixture>(fixture);
