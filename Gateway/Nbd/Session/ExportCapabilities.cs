using ClusterRamDisk.Gateway.Nbd.Protocol;

namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>The transmission flags an export advertises: what nbdkit memory offers (0x0DED with structured replies).</summary>
internal static class ExportCapabilities
{
    public static TransmissionFlags For(bool readOnly, bool structuredReplies)
    {
        var flags = TransmissionFlags.HasFlags | TransmissionFlags.SendFlush | TransmissionFlags.SendCache | TransmissionFlags.CanMultiConn;
        flags |= readOnly
            ? TransmissionFlags.ReadOnly
            : TransmissionFlags.SendFua | TransmissionFlags.SendTrim | TransmissionFlags.SendWriteZeroes | TransmissionFlags.SendFastZero;
        // DF only means something for structured READ replies.
        if (structuredReplies)
            flags |= TransmissionFlags.SendDf;
        return flags;
    }
}
