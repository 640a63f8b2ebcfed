namespace ClusterRamDisk.Gateway.Nbd.Session;

/// <summary>What the client and server agreed on during option haggling; transmission follows it.</summary>
internal sealed class NegotiatedOptions
{
    /// <summary>The id this server gives the <c>base:allocation</c> meta context.</summary>
    public const uint BaseAllocationContextId = 1;
    public const string BaseAllocationContextName = "base:allocation";

    public bool NoZeroes { get; init; }
    public bool StructuredReplies { get; set; }
    public bool BaseAllocation { get; set; }
}
