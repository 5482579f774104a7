namespace SyncHub.Host.Tests;

/// <summary>Tests that read /metrics run after the parallel ones, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics";
}
