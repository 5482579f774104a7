namespace SyncHub.Diagnostics;

/// <summary>Health-check tags: <c>/health/live</c> runs <see cref="Live"/>, <c>/health/ready</c> runs <see cref="Ready"/>.</summary>
public static class HealthTags
{
    public const string Live = "live";
    public const string Ready = "ready";
}
