using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// Sends agents' answers back to Facebook with the page access token: <see cref="FacebookReplyEvents.Message"/> through
/// the Send API (<c>POST /{page-id}/messages</c>, <c>messaging_type</c> <c>RESPONSE</c> within 24 hours of the customer's
/// last message, <c>MESSAGE_TAG</c> + <c>HUMAN_AGENT</c> up to 7 days when configured, otherwise refused), and
/// <see cref="FacebookReplyEvents.Comment"/> as a public reply (<c>POST /{comment-id}/comments</c>). Neither call takes an
/// idempotency key, so before posting the notifier looks for the same answer already posted after the customer's message
/// (an earlier attempt whose answer was lost) and counts it as delivered. Failures are classified for the outbox
/// (<see cref="FacebookGraphError.Classify"/>); the receipt carries Facebook's message or comment id.
/// </summary>
public sealed class FacebookReplyNotifier(
    IHttpClientFactory httpClients,
    IOptionsMonitor<FacebookOptions> options,
    TimeProvider time,
    ILogger<FacebookReplyNotifier> logger) : INotifier
{
    public const string NotifierName = "FacebookReply";

    /// <summary>The Send API's limit on a text message, in characters.</summary>
    public const int MaxMessageLength = 2000;

    public string Name => NotifierName;

    public bool Handles(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        return outboxEvent.Type is FacebookReplyEvents.Message or FacebookReplyEvents.Comment
            && outboxEvent.Target is null or NotifierName or FacebookEventMapper.SourceName;
    }

    public async Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) => await DeliverAsync(outboxEvent, cancellationToken);

    public async Task<DeliveryReceipt> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        var text = outboxEvent.Data.GetValueOrDefault(ReplyRoute.TextKey);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DeliveryException.Refused(null, $"outbox event {outboxEvent.Id} has no '{ReplyRoute.TextKey}' to send");
        }

        var client = new FacebookGraphClient(httpClients, options.CurrentValue, time);
        return outboxEvent.Type == FacebookReplyEvents.Comment
            ? await ReplyToCommentAsync(client, outboxEvent, text, cancellationToken)
            : await SendMessageAsync(client, outboxEvent, text, cancellationToken);
    }

    private async Task<DeliveryReceipt> SendMessageAsync(FacebookGraphClient client, OutboxEvent outboxEvent, string text, CancellationToken cancellationToken)
    {
        var pageId = Required(outboxEvent, FacebookReplyEvents.PageId);
        var recipientId = Required(outboxEvent, FacebookReplyEvents.RecipientId);
        if (text.Length > MaxMessageLength)
        {
            throw DeliveryException.Refused(
                null,
                $"the answer has {text.Length.ToString(CultureInfo.InvariantCulture)} characters; Messenger takes at most {MaxMessageLength.ToString(CultureInfo.InvariantCulture)} in one message: shorten it or split it into several answers");
        }

        var lastMessageAt = LastMessageAt(outboxEvent);
        var window = FacebookMessagingWindow.At(lastMessageAt, time.GetUtcNow(), options.CurrentValue.UseHumanAgentTag);
        if (!window.IsOpen)
        {
            throw DeliveryException.Refused(null, window.Refusal!);
        }

        if (await client.FindSentMessageAsync(pageId, recipientId, text, lastMessageAt, cancellationToken) is { } sent)
        {
            Log.AlreadyDelivered(logger, "Messenger message", outboxEvent.Id, sent);
            return new DeliveryReceipt(sent);
        }

        var body = new JsonObject
        {
            ["recipient"] = new JsonObject { ["id"] = recipientId },
            ["messaging_type"] = window.MessagingType,
            ["message"] = new JsonObject { ["text"] = text },
        };
        if (window.Tag is { } tag)
        {
            body["tag"] = tag;
        }

        var messageId = await client.SendMessageAsync(pageId, body, cancellationToken);
        Log.MessageSent(logger, outboxEvent.Id, outboxEvent.TicketNumber, window.MessagingType!, messageId ?? "(none)");
        return new DeliveryReceipt(messageId);
    }

    private async Task<DeliveryReceipt> ReplyToCommentAsync(FacebookGraphClient client, OutboxEvent outboxEvent, string text, CancellationToken cancellationToken)
    {
        var commentId = Required(outboxEvent, FacebookReplyEvents.CommentId);
        var pageId = outboxEvent.Data.GetValueOrDefault(FacebookReplyEvents.PageId);
        if (await client.FindCommentReplyAsync(commentId, string.IsNullOrWhiteSpace(pageId) ? null : pageId, text, cancellationToken) is { } posted)
        {
            Log.AlreadyDelivered(logger, "comment reply", outboxEvent.Id, posted);
            return new DeliveryReceipt(posted);
        }

        var replyId = await client.ReplyToCommentAsync(commentId, text, cancellationToken);
        Log.CommentReplied(logger, outboxEvent.Id, outboxEvent.TicketNumber, replyId ?? "(none)");
        return new DeliveryReceipt(replyId);
    }

    private static string Required(OutboxEvent outboxEvent, string key) =>
        outboxEvent.Data.GetValueOrDefault(key) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw DeliveryException.Refused(null, $"outbox event {outboxEvent.Id} ({outboxEvent.Type}) has no '{key}'");

    private static DateTimeOffset? LastMessageAt(OutboxEvent outboxEvent) =>
        outboxEvent.Data.GetValueOrDefault(FacebookReplyEvents.LastMessageAt) is { } value
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
}
