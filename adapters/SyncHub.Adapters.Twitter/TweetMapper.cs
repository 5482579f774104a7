using System.Text;
using SyncHub.Domain;

namespace SyncHub.Adapters.Twitter;

/// <summary>Turns a mention into the ticket's intake record: one post, one record, keyed by the post id.</summary>
internal static class TweetMapper
{
    public const string SourceName = "Twitter";

    /// <summary>The thread key of a conversation: replies in it thread onto the ticket the conversation opened.</summary>
    public static string ThreadKey(string conversationId) => $"twitter:conv:{conversationId}";

    /// <summary>The record of <paramref name="tweet"/>, or null with the reason it is not a request.</summary>
    public static (IntakeRecord? Record, string? Skipped) ToRecord(
        TwitterTweet tweet, IReadOnlyDictionary<string, TwitterUser> users, string supportUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tweet);
        if (!TweetIds.IsId(tweet.Id))
        {
            return (null, "no id");
        }

        if (tweet.ReferencedTweets?.Any(r => string.Equals(r.Type, "retweeted", StringComparison.Ordinal)) == true)
        {
            return (null, "a repost");
        }

        if (tweet.AuthorId is not null && tweet.AuthorId == supportUserId)
        {
            return (null, "posted by the support account");
        }

        var author = tweet.AuthorId is not null ? users.GetValueOrDefault(tweet.AuthorId) : null;
        var body = Unescape(tweet.NoteTweet?.Text is { Length: > 0 } full ? full : tweet.Text ?? "");
        var handle = string.IsNullOrWhiteSpace(author?.Username) ? null : "@" + author.Username.Trim();

        var diagnostics = new Dictionary<string, string> { ["xKind"] = "mention" };
        if (!string.IsNullOrWhiteSpace(tweet.Lang))
        {
            diagnostics["lang"] = tweet.Lang;
        }

        diagnostics["url"] = $"https://x.com/{author?.Username?.Trim() ?? "i/web"}/status/{tweet.Id}";
        if (tweet.AuthorId is not null)
        {
            diagnostics["authorId"] = tweet.AuthorId;
        }

        if (tweet.ReferencedTweets?.FirstOrDefault(r => string.Equals(r.Type, "replied_to", StringComparison.Ordinal))?.Id is { } repliedTo)
        {
            diagnostics["inReplyTo"] = repliedTo;
        }

        var original = OriginalOf(tweet);
        if (original is not null)
        {
            diagnostics["editOf"] = original;
        }

        var record = new IntakeRecord
        {
            Source = SourceName,
            ExternalId = tweet.Id!,
            ThreadKey = ThreadKey(ConversationOf(tweet, original)),
            Channel = Channel.Twitter,
            Requester = new Requester(Name: string.IsNullOrWhiteSpace(author?.Name) ? null : author.Name.Trim(), Handle: handle),
            Subject = Subject(body, handle),
            Body = body,
            ReceivedAt = tweet.CreatedAt?.ToUniversalTime() ?? now,
            Diagnostics = diagnostics,
            ReplyRoute = TwitterReplyEvents.PublicReply(tweet.Id!, author?.Username),
        };
        return (record, null);
    }

    /// <summary>The original post's id when <paramref name="tweet"/> is an edit of it (its edit history has more than one id, the original first); else null.</summary>
    internal static string? OriginalOf(TwitterTweet tweet) =>
        tweet.EditHistoryTweetIds is { Count: > 1 } history && TweetIds.IsId(history[0]) && !string.Equals(history[0], tweet.Id, StringComparison.Ordinal)
            ? history[0]
            : null;

    /// <summary>
    /// The conversation the post belongs to. An edit belongs to its original's: the conversation X names when it is
    /// another post's (an edited reply), else the original post (an edited post that began its conversation).
    /// </summary>
    private static string ConversationOf(TwitterTweet tweet, string? original)
    {
        var conversation = TweetIds.IsId(tweet.ConversationId) ? tweet.ConversationId! : null;
        if (original is null)
        {
            return conversation ?? tweet.Id!;
        }

        return conversation is not null && !string.Equals(conversation, tweet.Id, StringComparison.Ordinal) ? conversation : original;
    }

    /// <summary>The first ~80 characters after the leading @mentions of a reply chain (all of it if nothing else is left).</summary>
    private static string Subject(string body, string? handle)
    {
        var words = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var first = Array.FindIndex(words, w => !(w.Length > 1 && w[0] == '@'));
        var text = first > 0 ? string.Join(' ', words[first..]) : body;
        var subject = SubjectLine.From(text);
        return subject.Length > 0 ? subject : $"Mention from {handle ?? "an X user"}";
    }

    /// <summary>X escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> in post text; the ticket shows what the author typed.</summary>
    internal static string Unescape(string text)
    {
        if (!text.Contains('&', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var rest = text.AsSpan(i);
            if (rest.StartsWith("&amp;", StringComparison.Ordinal))
            {
                result.Append('&');
                i += 4;
            }
            else if (rest.StartsWith("&lt;", StringComparison.Ordinal))
            {
                result.Append('<');
                i += 3;
            }
            else if (rest.StartsWith("&gt;", StringComparison.Ordinal))
            {
                result.Append('>');
                i += 3;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }
}
