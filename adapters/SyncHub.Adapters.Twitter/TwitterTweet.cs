namespace SyncHub.Adapters.Twitter;

/// <summary>
/// A post of the mentions timeline with the fields the adapter asks for (<c>tweet.fields=created_at,conversation_id,lang,
/// referenced_tweets,entities,note_tweet,edit_history_tweet_ids</c>, <c>expansions=author_id</c>). <see cref="Text"/> is cut
/// at 280 characters for a long post, whose full text is in <see cref="NoteTweet"/>. <see cref="EditHistoryTweetIds"/>
/// lists every version of the post, the original first; an edit is a new post with its own id.
/// </summary>
internal sealed record TwitterTweet(
    string? Id,
    string? Text,
    string? AuthorId,
    DateTimeOffset? CreatedAt,
    string? ConversationId,
    string? Lang,
    IReadOnlyList<TwitterReferencedTweet>? ReferencedTweets,
    TwitterNoteTweet? NoteTweet,
    IReadOnlyList<string>? EditHistoryTweetIds = null);
