namespace SyncHub.Adapters.Twitter;

/// <summary>The expanded objects of an answer; the adapter expands <c>author_id</c> only.</summary>
internal sealed record TwitterIncludes(IReadOnlyList<TwitterUser>? Users);
