using System.Diagnostics.CodeAnalysis;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>
/// The value of <c>allocator=</c>: <c>sparse</c>, <c>zstd</c>, or <c>malloc</c> with an optional
/// <c>,mlock=BOOL</c>, spelled as nbdkit spells them (lower case; booleans as nbdkit reads them).
/// </summary>
public static class AllocatorParser
{
    public static bool TryParse(string text, out AllocatorKind allocator, out bool mlock, [NotNullWhen(false)] out string? error)
    {
        allocator = AllocatorKind.Sparse;
        mlock = false;
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var name = parts.Length == 0 ? "" : parts[0];
        var extras = parts.Skip(1).ToList();
        switch (name)
        {
            case "sparse" or "zstd":
                allocator = name == "sparse" ? AllocatorKind.Sparse : AllocatorKind.Zstd;
                error = extras.Count == 0 ? null : $"allocator={name} does not take extra parameters";
                return error is null;
            case "malloc":
                allocator = AllocatorKind.Malloc;
                return TryParseMallocExtras(extras, out mlock, out error);
            default:
                error = $"unknown allocator \"{text}\" (expected sparse, malloc, malloc,mlock=true or zstd)";
                return false;
        }
    }

    private static bool TryParseMallocExtras(List<string> extras, out bool mlock, [NotNullWhen(false)] out string? error)
    {
        mlock = false;
        foreach (var extra in extras)
        {
            var equals = extra.IndexOf('=');
            var key = equals < 0 ? extra : extra[..equals];
            if (key != "mlock")
            {
                error = $"allocator=malloc: unknown parameter \"{key}\"";
                return false;
            }
            if (equals < 0 || !TryParseBoolean(extra[(equals + 1)..], out mlock))
            {
                error = $"allocator=malloc: could not read \"{extra}\" as mlock=true or mlock=false";
                return false;
            }
        }

        error = null;
        return true;
    }

    /// <summary>The spellings nbdkit_parse_bool accepts.</summary>
    private static bool TryParseBoolean(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "1" or "true" or "t" or "yes" or "y" or "on":
                value = true;
                return true;
            case "0" or "false" or "f" or "no" or "n" or "off":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
