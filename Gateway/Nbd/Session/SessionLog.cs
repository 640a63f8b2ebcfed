using Microsoft.Extensions.Logging;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>The session's log lines, generated once rather than formatted per call.</summary>
internal static partial class SessionLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "client {Client} refused: {Reason}")]
    public static partial void HandshakeRefused(this ILogger logger, string client, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "client {Client} entered transmission (structured replies: {StructuredReplies}, base:allocation: {BaseAllocation})")]
    public static partial void TransmissionStarted(this ILogger logger, string client, bool structuredReplies, bool baseAllocation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "client {Client} sent garbage, closing its connection: {Reason}")]
    public static partial void ProtocolViolation(this ILogger logger, string client, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "client {Client} connection lost")]
    public static partial void ConnectionLost(this ILogger logger, string client, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command} at {Offset} length {Length} failed: {Reason}")]
    public static partial void DiskFailed(this ILogger logger, string command, ulong offset, uint length, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Command} at {Offset} length {Length} failed unexpectedly")]
    public static partial void DeviceFaulted(this ILogger logger, string command, ulong offset, uint length, Exception exception);
}
