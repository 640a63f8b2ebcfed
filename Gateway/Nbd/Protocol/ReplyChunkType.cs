namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>Chunk types of structured replies; error types have bit 15 set.</summary>
public enum ReplyChunkType : ushort
{
    None = 0,
    OffsetData = 1,
    OffsetHole = 2,
    BlockStatus = 5,
    Error = (1 << 15) + 1,
    ErrorOffset = (1 << 15) + 2,
}
