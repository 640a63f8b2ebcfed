namespace ClusterRamDisk.Gateway.Nbd.Protocol;

[Flags]
public enum ReplyChunkFlags : ushort
{
    None = 0,
    /// <summary>The last chunk of a reply.</summary>
    Done = 1 << 0,
}
