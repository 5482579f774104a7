using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// Delivers agents' answers on X as the support account: <see cref="TwitterReplyEvents.Reply"/> as a public reply
/// (<c>POST /2/tweets</c> with <c>reply.in_reply_to_tweet_id</c>), <see cref="TwitterReplyEvents.DirectMessage"/> as a direct
/// message (<c>POST /2/dm_conversations/with/:participant_id/messages</c>). The receipt is the new post's id or the
/// <c>dm_event_id</c>. A reply longer than X's 280 (as X counts, <see cref="TweetLength"/>) is refused, never cut.
/// X takes no idempotency key: an event this process delivered already answers with its receipt without posting again,
/// and a reply X refuses as a duplicate counts as delivered when the account's own reply with these words is found on
/// the post answered. Failures only classify (<see cref="DeliveryException"/>); the outbox retries.
/// </summary>
public sealed class TwitterReplyNotifier(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TwitterOptions> options,
    TwitterUserContext user,
    TimeProvider time,
    ILogger<TwitterReplyNotifier> logger) : INotifier
{
    public const string NotifierName = "TwitterReply";

    /// <summary>The longest direct message X takes.</summary>
    public const int MaxDirectMessageLength = 10_000;

    private readonly DeliveredReplies delivered = new();

    public string Name => NotifierName;

    public bool Handles(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        return outboxEvent.Type is TwitterReplyEvents.Reply or TwitterReplyEvents.DirectMessage
            && outboxEvent.Target is null or NotifierName or TweetMapper.SourceName;
    }

    public Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) => DeliverAsync(outboxEvent, cancellationToken);

    public async Task<DeliveryReceipt> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        cancellationToken.ThrowIfCancellationRequested();
        if (delivered.TryGet(outboxEvent.Id, out var earlier))
        {
            Log.AlreadyDelivered(logger, outboxEvent.Id, earlier);
            return new DeliveryReceipt(earlier);
        }

        var text = outboxEvent.Data.GetValueOrDefault(ReplyRoute.TextKey)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw Permanent($"outbox event {outboxEvent.Id} has no '{ReplyRoute.TextKey}' to send");
        }

        var client = new TwitterUserClient(httpClients, options.CurrentValue, user, time, logger);
        try
        {
            var id = outboxEvent.Type == TwitterReplyEvents.DirectMessage
                ? await SendDirectMessageAsync(client, outboxEvent, text, cancellationToken)
                : await PostReplyAsync(client, outboxEvent, text, cancellationToken);
            delivered.Add(outboxEvent.Id, id);
            return new DeliveryReceipt(id);
        }
        catch (TwitterRateLimitedException ex)
        {
            var wait = ex.ResetAt is { } reset ? reset - time.GetUtcNow() : (TimeSpan?)null;
            throw new DeliveryException(DeliveryFailureKind.Transient, ex.Message, wait, ex);
        }
        catch (TwitterRejectedException ex) when (ex.StatusCode == HttpStatusCode.Forbidden && TwitterRefusals.IsAboutTheMessage(ex.Detail))
        {
            throw new DeliveryException(DeliveryFailureKind.Permanent, ex.Message, null, ex);
        }
        catch (TwitterException ex) when (ex is TwitterAuthenticationException or TwitterRejectedException)
        {
            throw DeliveryException.Refused(ex.StatusCode, ex.Message, ex);
        }
        catch (TwitterException ex)
        {
            throw new DeliveryException(ex.Message, ex);
        }
    }

    private async Task<string?> PostReplyAsync(TwitterUserClient client, OutboxEvent outboxEvent, string text, CancellationToken cancellationToken)
    {
        var inReplyTo = outboxEvent.Data.GetValueOrDefault(TwitterReplyEvents.InReplyToTweetId)?.Trim();
        if (!TweetIds.IsId(inReplyTo))
        {
            throw Permanent($"outbox event {outboxEvent.Id} names no post to answer ('{TwitterReplyEvents.InReplyToTweetId}' is '{inReplyTo}')");
        }

        if (TweetLength.Check(text) is { } tooLong)
        {
            throw Permanent(tooLong);
        }

        try
        {
            var post = await client.PostReplyAsync(inReplyTo!, text, cancellationToken);
            Log.ReplyPosted(logger, post.Id!, inReplyTo!, outboxEvent.Id, outboxEvent.TicketNumber);
            return post.Id;
        }
        catch (TwitterRejectedException ex) when (ex.StatusCode == HttpStatusCode.Forbidden && TwitterRefusals.IsDuplicate(ex.Detail))
        {
            // X refuses a post identical to a recent one of the account: an earlier attempt of this event, or the same words
            // said to someone else. Only the account's own reply to this post with these words counts as delivered.
            var existing = await client.FindReplyAsync(inReplyTo!, text, cancellationToken);
            if (existing is null)
            {
                throw new DeliveryException(
                    DeliveryFailureKind.Permanent,
                    $"X refused the reply as a duplicate of a recent post of the account, and the account has no such reply to post {inReplyTo}: reword it",
                    null,
                    ex);
            }

            Log.DuplicateFound(logger, existing, inReplyTo!, outboxEvent.Id);
            return existing;
        }
    }

    private async Task<string?> SendDirectMessageAsync(TwitterUserClient client, OutboxEvent outboxEvent, string text, CancellationToken cancellationToken)
    {
        var participant = outboxEvent.Data.GetValueOrDefault(TwitterReplyEvents.ParticipantId)?.Trim();
        if (!TweetIds.IsId(participant))
        {
            throw Permanent($"outbox event {outboxEvent.Id} names no recipient ('{TwitterReplyEvents.ParticipantId}' is '{participant}')");
        }

        if (text.Length > MaxDirectMessageLength)
        {
            throw Permanent($"the direct message is {text.Length} characters long; X takes at most {MaxDirectMessageLength}: shorten it, it is never cut");
        }

        var message = await client.SendDirectMessageAsync(participant!, text, cancellationToken);
        Log.DirectMessageSent(logger, message.DmEventId!, outboxEvent.Id, outboxEvent.TicketNumber);
        return message.DmEventId;
    }

    private static DeliveryException Permanent(string reason) => new(DeliveryFailureKind.Permanent, reason);
}
