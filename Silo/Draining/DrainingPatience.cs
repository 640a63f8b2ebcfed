namespace ClusterRamDisk.Silo.Draining;

/// <summary>How long a stopping silo keeps directories that cannot move; null: until it is killed.</summary>
internal sealed record DrainingPatience(TimeSpan? GiveUpAfter);
