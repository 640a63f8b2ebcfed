using System.Diagnostics.CodeAnalysis;

namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>
/// Splits the command line the way nbdkit's getopt_long does: options may appear anywhere (also after the
/// plugin), short flags bundle (<c>-fv</c>), short values may be attached (<c>-p10809</c>), long values
/// follow <c>=</c> or come as the next argument, a long name may be shortened to any unambiguous prefix,
/// and <c>--</c> ends the options.
/// </summary>
/// <remarks>
/// Hand-written rather than System.CommandLine because nbdkit's grammar is plain getopt_long plus free
/// KEY=VALUE operands, and System.CommandLine differs exactly where compatibility matters: no prefix
/// abbreviations, its own error texts and help layout, and operands such as <c>size=1M</c> would need
/// post-processing anyway.
/// </remarks>
public static class ArgumentScanner
{
    public static bool TryScan(IReadOnlyList<string> args, [NotNullWhen(true)] out ScannedArguments? scanned, [NotNullWhen(false)] out string? error)
    {
        var options = new List<ScannedOption>();
        var operands = new List<string>();
        scanned = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                operands.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg.Length < 2 || arg[0] != '-')
                operands.Add(arg);
            else if (arg[1] == '-')
            {
                if (!TryScanLong(args, ref i, options, out error))
                    return false;
            }
            else if (!TryScanShortBundle(args, ref i, options, out error))
                return false;
        }

        scanned = new ScannedArguments(options, operands);
        error = null;
        return true;
    }

    private static bool TryScanLong(IReadOnlyList<string> args, ref int index, List<ScannedOption> options, [NotNullWhen(false)] out string? error)
    {
        var arg = args[index];
        var equals = arg.IndexOf('=');
        var name = equals < 0 ? arg[2..] : arg[2..equals];
        if (!TryFindLong(name, arg, out var spelling, out error))
            return false;

        if (!spelling.TakesArgument)
        {
            if (equals >= 0)
            {
                error = $"option '--{spelling.LongName}' doesn't allow an argument";
                return false;
            }
            options.Add(new ScannedOption(spelling.Kind, null));
            return true;
        }

        string value;
        if (equals >= 0)
            value = arg[(equals + 1)..];
        else if (index + 1 < args.Count)
            value = args[++index];
        else
        {
            error = $"option '--{spelling.LongName}' requires an argument";
            return false;
        }

        options.Add(new ScannedOption(spelling.Kind, value));
        return true;
    }

    /// <summary>An exact name wins; otherwise a prefix must select a single option kind (aliases don't make it ambiguous).</summary>
    private static bool TryFindLong(string name, string arg, [NotNullWhen(true)] out OptionSpelling? spelling, [NotNullWhen(false)] out string? error)
    {
        spelling = OptionTable.Spellings.FirstOrDefault(s => s.LongName == name);
        if (spelling is null && name.Length > 0)
        {
            var candidates = OptionTable.Spellings.Where(s => s.LongName.StartsWith(name, StringComparison.Ordinal)).ToList();
            if (candidates.Select(s => s.Kind).Distinct().Count() > 1)
            {
                error = $"option '{arg}' is ambiguous; possibilities: {string.Join(' ', candidates.Select(s => $"'--{s.LongName}'"))}";
                return false;
            }
            spelling = candidates.FirstOrDefault();
        }

        error = spelling is null ? $"unrecognized option '{arg}'" : null;
        return spelling is not null;
    }

    private static bool TryScanShortBundle(IReadOnlyList<string> args, ref int index, List<ScannedOption> options, [NotNullWhen(false)] out string? error)
    {
        var arg = args[index];
        for (var at = 1; at < arg.Length; at++)
        {
            var letter = arg[at];
            var spelling = OptionTable.Spellings.FirstOrDefault(s => s.ShortName == letter);
            if (spelling is null)
            {
                error = $"invalid option -- '{letter}'";
                return false;
            }

            if (!spelling.TakesArgument)
            {
                options.Add(new ScannedOption(spelling.Kind, null));
                continue;
            }

            // The rest of the bundle is the value (-p10809); otherwise the next argument is.
            if (at + 1 < arg.Length)
                options.Add(new ScannedOption(spelling.Kind, arg[(at + 1)..]));
            else if (index + 1 < args.Count)
                options.Add(new ScannedOption(spelling.Kind, args[++index]));
            else
            {
                error = $"option requires an argument -- '{letter}'";
                return false;
            }
            break;
        }

        error = null;
        return true;
    }
}
