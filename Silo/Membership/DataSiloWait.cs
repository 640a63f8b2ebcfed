namespace ClusterRamDisk.Silo.Membership;

/// <summary>
/// Holds a gateway's silo back from counting as started until it knows a silo that holds data: the other silos'
/// grain lists reach it shortly after it joins, and the disk's grains cannot be called before.
/// </summary>
internal sealed class DataSiloWait(DataSilos dataSilos) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(DataSiloWait), ServiceLifecycleStage.Active, WaitAsync, _ => Task.CompletedTask);

    private async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        try
        {
            await dataSilos.WaitForAnyAsync(patience.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new OrleansException($"no silo holding data joined the cluster within {Patience.TotalSeconds:F0} s: start the silos first");
        }
    }
}
