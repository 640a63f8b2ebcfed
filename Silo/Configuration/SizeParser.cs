using System.Diagnostics.CodeAnalysis;

namespace ClusterRamDisk.Silo.Configuration;

/// <summary>
/// nbdkit's size syntax: a decimal integer with an optional one-letter suffix, any case:
/// b (bytes), s (512-byte sectors), k, m, g, t, p, e (powers of 1024). The largest size is 2^63-1.
/// </summary>
public static class SizeParser
{
    public static bool TryParse(string text, out long size, [NotNullWhen(false)] out string? error)
    {
        size = 0;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        if (digits == 0)
        {
            error = $"could not parse size \"{text}\": expected a decimal number with an optional suffix (b, s, k, m, g, t, p, e)";
            return false;
        }

        var suffix = text.AsSpan(digits);
        if (!TryGetMultiplier(suffix, out var multiplier))
        {
            error = $"could not parse size \"{text}\": unknown suffix \"{suffix}\"";
            return false;
        }

        // Int128 holds any product of a long and a multiplier, so overflow cannot wrap silently.
        if (!Int128.TryParse(text.AsSpan(0, digits), out var number) || number * multiplier > long.MaxValue)
        {
            error = $"size \"{text}\" exceeds the maximum {long.MaxValue}";
            return false;
        }

        size = (long)(number * multiplier);
        error = null;
        return true;
    }

    private static bool TryGetMultiplier(ReadOnlySpan<char> suffix, out long multiplier)
    {
        multiplier = suffix switch
        {
            "" or "b" or "B" => 1,
            "s" or "S" => 512,
            "k" or "K" => 1L << 10,
            "m" or "M" => 1L << 20,
            "g" or "G" => 1L << 30,
            "t" or "T" => 1L << 40,
            "p" or "P" => 1L << 50,
            "e" or "E" => 1L << 60,
            _ => 0,
        };
        return multiplier != 0;
    }
}
