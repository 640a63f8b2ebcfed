using Microsoft.Extensions.Configuration;

namespace ClusterRamDisk.Silo.Configuration;

/// <summary>How much page memory a silo may hold: configuration key <c>MemoryLimit</c> (nbdkit size syntax), else a share of the machine's.</summary>
public static class MemoryBudget
{
    public const string Key = "MemoryLimit";

    // The rest is left for the runtime, the page tables and the operating system.
    private const double DefaultShareOfMemory = 0.8;

    /// <exception cref="InvalidOperationException">The configured size does not parse; the message is one line for the user.</exception>
    public static long From(IConfiguration configuration)
    {
        var text = configuration[Key];
        if (string.IsNullOrEmpty(text))
            return Default;
        if (!SizeParser.TryParse(text, out var bytes, out var error))
            throw new InvalidOperationException($"invalid memory limit: {error}");
        return bytes;
    }

    public static long Default => (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * DefaultShareOfMemory);
}
