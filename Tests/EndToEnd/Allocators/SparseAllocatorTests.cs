using ClusterRamDisk.Tests.EndToEnd.Fixtures;

namespace ClusterRamDisk.Tests.EndToEnd.Allocators;

public sealed class SparseAllocatorTests(SparseServerFixture fixture) : AllocatorTests<SparseServerFixture>(fixture);
