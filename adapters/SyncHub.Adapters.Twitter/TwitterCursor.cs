namespace SyncHub.Adapters.Twitter;

/// <summary>
/// Where the mentions poll stands. Between rounds the cursor is the since_id: the newest mention id of which every
/// mention up to it is stored (<c>1866123456789012345</c>). While a round's pages are followed it is
/// <c>{since}|{newest}|{pagination_token}</c>: the since_id in force for the round (empty on the first sync), the newest
/// id the round has seen (committed as since_id when the round ends) and the token of the next page.
/// </summary>
internal sealed record TwitterCursor(string? SinceId, TwitterRound? Round = null)
{
    public static TwitterCursor Start { get; } = new((string?)null);

    public static TwitterCursor Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return Start;
        }

        var parts = cursor.Split('|', 3);
        if (parts.Length == 1 && TweetIds.IsId(parts[0]))
        {
            return new TwitterCursor(parts[0]);
        }

        if (parts.Length == 3
            && (parts[0].Length == 0 || TweetIds.IsId(parts[0]))
            && (parts[1].Length == 0 || TweetIds.IsId(parts[1]))
            && parts[2].Length > 0)
        {
            return new TwitterCursor(Id(parts[0]), new TwitterRound(Id(parts[1]), parts[2]));
        }

        throw new TwitterException(
            $"the stored Twitter cursor '{cursor}' is not one this adapter wrote; reset the Twitter checkpoint to a tweet id (the since_id to continue after)");
    }

    private static string? Id(string part) => part.Length == 0 ? null : part;

    /// <summary>The cursor text to commit; null while nothing has been read yet.</summary>
    public string? Text => Round is { } round
        ? $"{SinceId}|{round.NewestId}|{round.PaginationToken}"
        : SinceId;
}
