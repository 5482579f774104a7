namespace SyncHub.Adapters.Twitter;

/// <summary>The full text of a long post (over 280 characters).</summary>
internal sealed record TwitterNoteTweet(string? Text);
