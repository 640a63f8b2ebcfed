using System.Text.Json;

namespace ClusterRamDisk.Tests.EndToEnd.Infrastructure;

/// <summary>Runs <c>nbdinfo --json</c> and returns the first export's description.</summary>
internal static class NbdInfo
{
    public static async Task<JsonElement> ExportAsync(string uri)
    {
        var result = (await ToolRunner.RunAsync("nbdinfo", "--json", uri)).AssertSuccess();
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.GetProperty("exports")[0].Clone();
    }

    /// <summary>Asserts each named boolean field, reporting every mismatch at once.</summary>
    public static void AssertFlags(JsonElement export, IReadOnlyDictionary<string, bool> expected)
    {
        var mismatches = expected
            .Where(pair => !export.TryGetProperty(pair.Key, out var value) || value.ValueKind != JsonValue(pair.Value))
            .Select(pair => $"{pair.Key}: expected {pair.Value}, got " +
                            (export.TryGetProperty(pair.Key, out var value) ? value.ToString() : "(missing)"))
            .ToList();
        Assert.True(mismatches.Count == 0, $"nbdinfo flags differ:\n{string.Join('\n', mismatches)}\n{export}");
    }

    private static JsonValueKind JsonValue(bool value) => value ? JsonValueKind.True : JsonValueKind.False;
}
