namespace SyncHub.Host.ApiReference;

/// <summary>One check of a <see cref="HealthAnswer"/>.</summary>
internal sealed record HealthCheckAnswer(string Status, string? Description, IReadOnlyDictionary<string, string>? Data);
