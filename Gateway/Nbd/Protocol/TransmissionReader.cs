using System.Buffers;

namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>Parses transmission request headers (the WRITE payload is left for the caller to consume).</summary>
public static class TransmissionReader
{
    /// <summary>Returns false until the whole header is buffered; on success slices it off <paramref name="buffer"/>.</summary>
    /// <exception cref="NbdProtocolException">The header does not start with the request magic.</exception>
    public static bool TryReadRequest(ref ReadOnlySequence<byte> buffer, out NbdRequest request)
    {
        request = default;
        if (buffer.Length < NbdRequest.Size)
            return false;
        var reader = new SequenceReader<byte>(buffer);
        reader.TryReadBigEndian(out int magic);
        reader.TryReadBigEndian(out short flags);
        reader.TryReadBigEndian(out short command);
        reader.TryReadBigEndian(out long cookie);
        reader.TryReadBigEndian(out long offset);
        reader.TryReadBigEndian(out int length);
        if ((NbdMagic)(uint)magic != NbdMagic.Request)
            throw new NbdProtocolException($"bad request magic 0x{(uint)magic:x8}");
        request = new NbdRequest((CommandFlags)(ushort)flags, (NbdCommand)(ushort)command, (ulong)cookie, (ulong)offset, (uint)length);
        buffer = buffer.Slice(reader.Position);
        return true;
    }
}
