using SyncHub.Domain;

namespace SyncHub.Adapters.JsonFeed;

/// <summary>One feed item read: its record and cursor value, or why it was skipped.</summary>
internal sealed record JsonFeedItem(IntakeRecord? Record, string? Cursor, string? Skipped);
