namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>The magic numbers that frame every NBD message.</summary>
public enum NbdMagic : ulong
{
    /// <summary>"NBDMAGIC": first word of the server greeting.</summary>
    Greeting = 0x4e42444d41474943,
    /// <summary>"IHAVEOPT": second word of the greeting and the start of every option request.</summary>
    Option = 0x49484156454f5054,
    OptionReply = 0x0003e889045565a9,
    Request = 0x25609513,
    SimpleReply = 0x67446698,
    StructuredReply = 0x668e33ef,
}
