using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>The parameters of the memory plugin; <see cref="Size"/> is null when not given (allowed with --dump-plugin).</summary>
public sealed record MemoryPluginParameters(long? Size, AllocatorKind Allocator, bool Mlock);
