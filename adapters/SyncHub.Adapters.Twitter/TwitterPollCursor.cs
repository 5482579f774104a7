namespace SyncHub.Adapters.Twitter;

/// <summary>
/// Where the whole Twitter poll stands: the mentions timeline (<see cref="TwitterCursor"/>, its text as before) and, when
/// direct messages are read, the direct-message feed after <c>;dm=</c> in the same grammar (<c>{since}</c> between rounds,
/// <c>{since}|{newest}|{pagination_token}</c> while a round is paged). <c>;dm&gt;</c> instead of <c>;dm=</c> says a
/// direct-message round is due: the mentions round has ended and the next fetch reads direct messages.
/// </summary>
internal sealed record TwitterPollCursor(TwitterCursor Mentions, TwitterCursor? DirectMessages = null, bool DirectMessagesDue = false)
{
    private const string Marker = ";dm";

    public static TwitterPollCursor Parse(string? cursor)
    {
        var split = cursor?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (split < 0)
        {
            return new TwitterPollCursor(TwitterCursor.Parse(cursor));
        }

        var text = cursor!;
        var due = split + Marker.Length < text.Length ? text[split + Marker.Length] : '\0';
        if (due is not ('=' or '>'))
        {
            throw new TwitterException(
                $"the stored Twitter cursor '{cursor}' is not one this adapter wrote; reset the Twitter checkpoint to a tweet id (the since_id to continue after)");
        }

        return new TwitterPollCursor(
            TwitterCursor.Parse(text[..split]),
            TwitterCursor.Parse(text[(split + Marker.Length + 1)..]),
            due == '>');
    }

    /// <summary>The cursor text to commit; null while nothing has been read and direct messages are not read.</summary>
    public string? Text => DirectMessages is null && !DirectMessagesDue
        ? Mentions.Text
        : $"{Mentions.Text}{Marker}{(DirectMessagesDue ? '>' : '=')}{DirectMessages?.Text}";
}
