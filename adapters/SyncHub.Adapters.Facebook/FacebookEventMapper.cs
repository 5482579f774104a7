using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SyncHub.Domain;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// Turns a page notification (<c>{object: "page", entry: [...]}</c>) into records: each Messenger message a customer sent
/// (<c>entry[].messaging[].message</c>, keyed by its <c>mid</c>) and each comment added on the page's feed
/// (<c>entry[].changes[]</c>, <c>field: feed</c>, <c>item: comment</c>, <c>verb: add</c>, keyed by its <c>comment_id</c>).
/// Echoes of the page's own messages, deliveries, reads, reactions, postbacks, the page's own comments, edits and removals
/// make no record. Each record carries its <see cref="ReplyRoute"/>: a Messenger message back to the sender, or a public
/// reply under the comment (see <see cref="FacebookReplyRoutes"/>).
/// </summary>
internal sealed class FacebookEventMapper(FacebookOptions settings, DateTimeOffset now, ILogger logger)
{
    public const string SourceName = "Facebook";

    /// <summary>The thread key of one person: their messages and comments within the window are one conversation.</summary>
    public static string ThreadKey(string senderId) => $"facebook:sender:{senderId}";

    public List<IntakeRecord> Map(JsonElement root)
    {
        var records = new List<IntakeRecord>();
        foreach (var entry in FacebookJson.Array(root, "entry"))
        {
            var pageId = FacebookJson.Text(entry, "id");
            if (settings.PageIds.Count > 0 && (pageId is null || !settings.PageIds.Contains(pageId, StringComparer.Ordinal)))
            {
                Log.PageIgnored(logger, pageId ?? "(none)");
                continue;
            }

            var entryTime = FacebookJson.Milliseconds(entry, "time");
            foreach (var messaging in FacebookJson.Array(entry, "messaging"))
            {
                if (Message(messaging, pageId, entryTime) is { } record)
                {
                    records.Add(record);
                }
            }

            foreach (var change in FacebookJson.Array(entry, "changes"))
            {
                if (Comment(change, pageId, entryTime) is { } record)
                {
                    records.Add(record);
                }
            }
        }

        return [.. records.DistinctBy(r => r.ExternalId)];
    }

    private IntakeRecord? Message(JsonElement messaging, string? pageId, DateTimeOffset? entryTime)
    {
        if (FacebookJson.Object(messaging, "message") is not { } message)
        {
            // delivery, read, reaction, postback, optin...: not a request.
            Log.EventIgnored(logger, Kind(messaging));
            return null;
        }

        if (FacebookJson.Flag(message, "is_echo"))
        {
            Log.EventIgnored(logger, "echo");
            return null;
        }

        var mid = FacebookJson.Text(message, "mid");
        var senderId = FacebookJson.Object(messaging, "sender") is { } sender ? FacebookJson.Text(sender, "id") : null;
        var recipientId = FacebookJson.Object(messaging, "recipient") is { } recipient ? FacebookJson.Text(recipient, "id") : null;
        if (mid is null)
        {
            Log.EventUnusable(logger, "message", "no mid");
            return null;
        }

        if (senderId is not null && senderId == pageId)
        {
            Log.EventIgnored(logger, "page's own message");
            return null;
        }

        var text = FacebookJson.Raw(message, "text");
        var attachments = FacebookJson.Array(message, "attachments").ToList();
        var body = new StringBuilder(text);
        foreach (var attachment in attachments)
        {
            var type = FacebookJson.Text(attachment, "type") ?? "file";
            var url = FacebookJson.Object(attachment, "payload") is { } payload ? FacebookJson.Text(payload, "url") : null;
            if (body.Length > 0)
            {
                body.Append('\n');
            }

            body.Append('[').Append(type).Append(']');
            if (url is not null)
            {
                body.Append(' ').Append(url);
            }
        }

        var diagnostics = Diagnostics(recipientId ?? pageId, "message");
        if (attachments.Count > 0)
        {
            diagnostics["attachments"] = attachments.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var subject = SubjectLine.From(text);
        var sentAt = FacebookJson.Milliseconds(messaging, "timestamp") ?? entryTime ?? now;
        var answeringPage = recipientId ?? pageId;
        return Record(
            mid,
            senderId,
            null,
            subject.Length > 0 ? subject : attachments.Count > 0 ? "Facebook message with an attachment" : "Facebook message",
            body.ToString(),
            sentAt,
            diagnostics,
            senderId is not null && answeringPage is not null
                ? FacebookReplyRoutes.Message(answeringPage, senderId, null, sentAt, settings.UseHumanAgentTag)
                : null);
    }

    private IntakeRecord? Comment(JsonElement change, string? pageId, DateTimeOffset? entryTime)
    {
        var field = FacebookJson.Text(change, "field");
        if (field != "feed" || FacebookJson.Object(change, "value") is not { } value)
        {
            Log.EventIgnored(logger, $"change of {field ?? "(no field)"}");
            return null;
        }

        var item = FacebookJson.Text(value, "item");
        var verb = FacebookJson.Text(value, "verb");
        if (verb == "add" && item is "status" or "post" or "photo" or "video")
        {
            return Post(value, item, pageId, entryTime);
        }

        if (item != "comment" || verb != "add")
        {
            Log.EventIgnored(logger, $"feed {item ?? "(no item)"} {verb ?? "(no verb)"}");
            return null;
        }

        if (FeedAuthor(value, "comment", "comment_id", pageId) is not var (commentId, fromId, name))
        {
            return null;
        }

        var message = FacebookJson.Raw(value, "message");
        var diagnostics = Diagnostics(pageId, "comment");
        if (FacebookJson.Text(value, "post_id") is { } postId)
        {
            diagnostics["postId"] = postId;
        }

        if (FacebookJson.Text(value, "parent_id") is { } parentId && parentId != FacebookJson.Text(value, "post_id"))
        {
            diagnostics["parentId"] = parentId;
        }

        var subject = SubjectLine.From(message);
        return Record(
            commentId,
            fromId,
            name,
            subject.Length > 0 ? subject : "Facebook comment",
            message,
            FacebookJson.Seconds(value, "created_time") ?? entryTime ?? now,
            diagnostics,
            FacebookReplyRoutes.Comment(pageId, commentId, name));
    }

    /// <summary>
    /// A visitor's post on the page's feed (<c>item</c> status, post, photo or video, <c>verb</c> add): a request like a
    /// comment, answered by a public comment under the post. The page's own posts make no record.
    /// </summary>
    private IntakeRecord? Post(JsonElement value, string item, string? pageId, DateTimeOffset? entryTime)
    {
        if (FeedAuthor(value, item, "post_id", pageId) is not var (postId, fromId, name))
        {
            return null;
        }

        var message = FacebookJson.Raw(value, "message");
        var link = FacebookJson.Text(value, "link") ?? FacebookJson.Text(value, "photo_id");
        var body = link is null ? message : $"{message} {link}".Trim();
        var subject = SubjectLine.From(message);
        return Record(
            postId,
            fromId,
            name,
            subject.Length > 0 ? subject : "Facebook post on the page",
            body,
            FacebookJson.Seconds(value, "created_time") ?? entryTime ?? now,
            Diagnostics(pageId, "post"),
            FacebookReplyRoutes.Comment(pageId, postId, name) with
            {
                Destination = name is null ? "public comment under the post on Facebook" : $"public comment under {name}'s post on Facebook",
            });
    }

    /// <summary>
    /// The id (<paramref name="idProperty"/>) of a feed item and who wrote it; null, logged, when the id is missing or the
    /// page wrote it itself.
    /// </summary>
    private (string Id, string? FromId, string? Name)? FeedAuthor(JsonElement value, string what, string idProperty, string? pageId)
    {
        var id = FacebookJson.Text(value, idProperty);
        if (id is null)
        {
            Log.EventUnusable(logger, what, $"no {idProperty}");
            return null;
        }

        var from = FacebookJson.Object(value, "from");
        var fromId = from is { } f ? FacebookJson.Text(f, "id") : null;
        if (fromId is not null && fromId == pageId)
        {
            Log.EventIgnored(logger, $"page's own {what}");
            return null;
        }

        return (id, fromId, from is { } named ? FacebookJson.Text(named, "name") : null);
    }

    private IntakeRecord Record(
        string externalId,
        string? senderId,
        string? name,
        string subject,
        string body,
        DateTimeOffset receivedAt,
        Dictionary<string, string> diagnostics,
        ReplyRoute? replyRoute) =>
        new()
        {
            Source = SourceName,
            ExternalId = externalId,
            ThreadKey = senderId is not null && settings.ThreadWindow > TimeSpan.Zero ? ThreadKey(senderId) : null,
            ThreadWindow = senderId is not null && settings.ThreadWindow > TimeSpan.Zero ? settings.ThreadWindow : null,
            Channel = Channel.Facebook,
            Requester = new Requester(Name: name, Handle: senderId),
            Subject = subject,
            Body = body,
            ReceivedAt = receivedAt,
            Diagnostics = diagnostics,
            ReplyRoute = replyRoute,
        };

    private static Dictionary<string, string> Diagnostics(string? pageId, string kind)
    {
        var diagnostics = new Dictionary<string, string> { ["kind"] = kind };
        if (pageId is not null)
        {
            diagnostics["pageId"] = pageId;
        }

        return diagnostics;
    }

    private static string Kind(JsonElement messaging) =>
        messaging.ValueKind == JsonValueKind.Object
            ? messaging.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n is not ("sender" or "recipient" or "timestamp")) ?? "event"
            : "event";
}
