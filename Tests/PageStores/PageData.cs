using System.Text;

namespace ClusterRamDisk.Tests.PageStores;

/// <summary>Seeded test data in the shapes disks hold: random, zero, mostly zero, and text.</summary>
internal static class PageData
{
    private static readonly string[] Words =
        ["block", "device", "grain", "silo", "page", "directory", "extent", "zero", "read", "write", "the", "of", "and", "memory", "cluster", "orleans"];

    public static byte[] Pattern(Random random, int length) => random.Next(4) switch
    {
        0 => Random(random, length),
        1 => new byte[length],
        2 => MostlyZero(random, length),
        _ => Text(random, length),
    };

    public static byte[] Random(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static byte[] Text(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
            text.Append(Words[random.Next(Words.Length)]).Append(random.Next(8) == 0 ? ".\n" : " ");
        return Encoding.ASCII.GetBytes(text.ToString(0, length));
    }

    private static byte[] MostlyZero(Random random, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < Math.Min(3, length); i++)
            bytes[random.Next(length)] = (byte)random.Next(1, 256);
        return bytes;
    }
}
