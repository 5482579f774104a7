namespace SyncHub.Adapters.Twitter;

/// <summary>A post this one refers to: <c>type</c> is <c>replied_to</c>, <c>quoted</c> or <c>retweeted</c>.</summary>
internal sealed record TwitterReferencedTweet(string? Type, string? Id);
