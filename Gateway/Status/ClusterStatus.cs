using System.Text.Json;
using ClusterRamDisk.Grains.Interfaces;
using ClusterRamDisk.Silo.Membership;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterRamDisk.Gateway.Status;

/// <summary>Where the disk lives: one report per active silo that holds data, read from each silo's memory grain.</summary>
public static class ClusterStatus
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static async Task<SiloMemoryReport[]> ReadAsync(IClusterClient client)
    {
        var silos = await ActivatorUtilities.CreateInstance<DataSilos>(client.ServiceProvider).ActiveAsync();
        var reports = await Task.WhenAll(silos
            .OrderBy(silo => silo.ToParsableString(), StringComparer.Ordinal)
            .Select(silo => client.GetGrain<ISiloMemoryGrain>(silo.ToParsableString()).GetReport().AsTask()));
        return reports;
    }

    public static string ToJson(IReadOnlyList<SiloMemoryReport> reports) =>
        JsonSerializer.Serialize(new { silos = reports }, JsonOptions);

    public static string ToTable(IReadOnlyList<SiloMemoryReport> reports)
    {
        var rows = reports.Select(report => new[]
        {
            report.Silo, report.Directories.ToString(), report.StoredBytes.ToString(), report.LogicalBytes.ToString(),
            report.BudgetBytes.ToString(), report.FreeBytes.ToString(),
        }).Prepend(["SILO", "DIRECTORIES", "STORED", "LOGICAL", "BUDGET", "FREE"]).ToList();
        var widths = Enumerable.Range(0, 6).Select(column => rows.Max(row => row[column].Length)).ToArray();
        return string.Join('\n', rows.Select(row => string.Join("  ", row.Select((cell, column) =>
            column == 0 ? cell.PadRight(widths[column]) : cell.PadLeft(widths[column]))).TrimEnd())) + '\n';
    }
}
