namespace SyncHub.Policies;

/// <summary>A team and, optionally, a person.</summary>
public sealed record Assignment(string? Team, string? Assignee)
{
    public static Assignment None { get; } = new(null, null);
}
