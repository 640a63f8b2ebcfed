namespace ClusterRamDisk.Tests.Grains;

/// <summary>A grain with default lifetime: a new activation id shows that idle collection really ran.</summary>
public interface ICollectionProbeGrain : IGrainWithIntegerKey
{
    Task<Guid> GetActivationId();
}

public sealed class CollectionProbeGrain : Grain, ICollectionProbeGrain
{
    private readonly Guid _activationId = Guid.NewGuid();

    public Task<Guid> GetActivationId() => Task.FromResult(_activationId);
}
