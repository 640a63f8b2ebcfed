using ClusterRamDisk.Silo.Configuration;
using System.Diagnostics.CodeAnalysis;
using ClusterRamDisk.Grains.Interfaces;

namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>
/// Reads <c>[size=]SIZE [allocator=...]</c>. As in nbdkit, only the first parameter may omit its key
/// (size is the plugin's magic key). Unlike nbdkit, a repeated key is refused rather than silently overriding.
/// </summary>
public static class MemoryPluginParameterParser
{
    public const string SizeKey = "size";
    public const string AllocatorKey = "allocator";

    public static bool TryParse(IReadOnlyList<string> parameters, [NotNullWhen(true)] out MemoryPluginParameters? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        long? size = null;
        var allocator = AllocatorKind.Sparse;
        var mlock = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parameters.Count; i++)
        {
            if (!TrySplit(parameters[i], isFirst: i == 0, out var key, out var value, out error))
                return false;
            if (!seen.Add(key))
            {
                error = $"parameter '{key}' given more than once";
                return false;
            }

            switch (key)
            {
                case SizeKey:
                    if (!SizeParser.TryParse(value, out var parsedSize, out error))
                        return false;
                    size = parsedSize;
                    break;
                case AllocatorKey:
                    if (!AllocatorParser.TryParse(value, out allocator, out mlock, out error))
                        return false;
                    break;
                default:
                    error = $"unknown parameter '{key}' (the memory plugin takes {SizeKey} and {AllocatorKey})";
                    return false;
            }
        }

        result = new MemoryPluginParameters(size, allocator, mlock);
        error = null;
        return true;
    }

    private static bool TrySplit(string parameter, bool isFirst, out string key, out string value, [NotNullWhen(false)] out string? error)
    {
        key = SizeKey;
        value = parameter;
        error = null;
        var equals = parameter.IndexOf('=');
        if (equals > 0)
        {
            key = parameter[..equals];
            value = parameter[(equals + 1)..];
        }
        else if (equals == 0)
            error = $"parameter '{parameter}' has no key";
        else if (!isFirst)
            error = $"parameter '{parameter}' is not KEY=VALUE (only the first parameter may leave out '{SizeKey}=')";
        return error is null;
    }
}
