using System.Buffers;
using System.Text;

namespace ClusterRamDisk.Gateway.Nbd.Protocol;

/// <summary>
/// Decodes the data of options that carry structured data. The data is complete (its length came in the option
/// header), so false here means malformed: lengths that do not add up, or strings longer than the protocol allows.
/// </summary>
public static class OptionDataDecoder
{
    /// <summary>The protocol's upper bound for export names, queries and messages.</summary>
    public const int MaxStringLength = 4096;

    public static bool TryDecodeInfoRequest(ReadOnlySequence<byte> data, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InfoRequest? request)
    {
        request = null;
        var reader = new SequenceReader<byte>(data);
        if (!TryReadString(ref reader, out var name) || !reader.TryReadBigEndian(out short count))
            return false;
        var itemCount = (ushort)count;
        if (reader.Remaining != itemCount * 2L)
            return false;
        var items = new InfoType[itemCount];
        for (var i = 0; i < itemCount; i++)
        {
            reader.TryReadBigEndian(out short item);
            items[i] = (InfoType)(ushort)item;
        }
        request = new InfoRequest(name, items);
        return true;
    }

    public static bool TryDecodeMetaContextRequest(ReadOnlySequence<byte> data, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MetaContextRequest? request)
    {
        request = null;
        var reader = new SequenceReader<byte>(data);
        if (!TryReadString(ref reader, out var name) || !reader.TryReadBigEndian(out int count))
            return false;
        // Each query needs at least its 4-byte length: reject counts the data cannot hold before allocating.
        var queryCount = (uint)count;
        if (queryCount > reader.Remaining / 4)
            return false;
        var queries = new string[queryCount];
        for (var i = 0; i < queries.Length; i++)
        {
            if (!TryReadString(ref reader, out queries[i]))
                return false;
        }
        if (!reader.End)
            return false;
        request = new MetaContextRequest(name, queries);
        return true;
    }

    private static bool TryReadString(ref SequenceReader<byte> reader, out string value)
    {
        value = "";
        if (!reader.TryReadBigEndian(out int rawLength))
            return false;
        var length = (uint)rawLength;
        if (length > MaxStringLength || length > reader.Remaining)
            return false;
        value = Encoding.UTF8.GetString(reader.UnreadSequence.Slice(0, length));
        reader.Advance(length);
        return true;
    }
}
