namespace SyncHub.Host.ApiReference;

/// <summary>The answer of <c>/health/live</c> and <c>/health/ready</c> (see <see cref="HealthJson"/>).</summary>
internal sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, HealthCheckAnswer> Checks);
