namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>Reply types of option replies; errors have bit 31 set.</summary>
public enum OptionReplyType : uint
{
    Ack = 1,
    Server = 2,
    Info = 3,
    MetaContext = 4,
    ErrorUnsupported = (1u << 31) + 1,
    ErrorPolicy = (1u << 31) + 2,
    ErrorInvalid = (1u << 31) + 3,
    ErrorPlatform = (1u << 31) + 4,
    ErrorTlsRequired = (1u << 31) + 5,
    ErrorUnknown = (1u << 31) + 6,
    ErrorShutdown = (1u << 31) + 7,
    ErrorBlockSizeRequired = (1u << 31) + 8,
    ErrorTooBig = (1u << 31) + 9,
}
