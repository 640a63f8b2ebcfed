using System.Buffers;

namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>
/// Parses what a client sends during the handshake. Each method returns false when <paramref name="buffer"/> does not
/// yet hold the whole message, and on success slices the message off the front of it.
/// </summary>
public static class HandshakeReader
{
    public static bool TryReadClientFlags(ref ReadOnlySequence<byte> buffer, out ClientFlags flags)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadBigEndian(out int raw))
        {
            flags = ClientFlags.None;
            return false;
        }
        flags = (ClientFlags)(uint)raw;
        buffer = buffer.Slice(reader.Position);
        return true;
    }

    /// <exception cref="NbdProtocolException">The header does not start with IHAVEOPT.</exception>
    public static bool TryReadOptionHeader(ref ReadOnlySequence<byte> buffer, out OptionHeader header)
    {
        header = default;
        if (buffer.Length < OptionHeader.Size)
            return false;
        var reader = new SequenceReader<byte>(buffer);
        reader.TryReadBigEndian(out long magic);
        reader.TryReadBigEndian(out int option);
        reader.TryReadBigEndian(out int length);
        if ((NbdMagic)(ulong)magic != NbdMagic.Option)
            throw new NbdProtocolException($"bad option magic 0x{(ulong)magic:x16}");
        header = new OptionHeader((NbdOption)(uint)option, (uint)length);
        buffer = buffer.Slice(reader.Position);
        return true;
    }
}
