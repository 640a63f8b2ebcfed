namespace ClusterRamDisk.Gateway.CommandLine;

/// <summary>One option occurrence; <see cref="Value"/> is null for flags.</summary>
public readonly record struct ScannedOption(OptionKind Kind, string? Value);

/// <summary>The command line split into options (in order) and operands (the plugin name and its parameters).</summary>
public sealed record ScannedArguments(IReadOnlyList<ScannedOption> Options, IReadOnlyList<string> Operands);
