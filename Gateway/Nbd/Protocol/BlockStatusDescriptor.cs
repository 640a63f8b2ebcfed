namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>One run of a BLOCK_STATUS chunk: a length and the context's status bits for it.</summary>
public readonly record struct BlockStatusDescriptor(uint Length, uint Status);
