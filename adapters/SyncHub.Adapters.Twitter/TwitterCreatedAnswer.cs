namespace SyncHub.Adapters.Twitter;

/// <summary>The envelope of a creation answer: <c>{data: {...}}</c>.</summary>
internal sealed record TwitterCreatedAnswer(TwitterCreated? Data);
