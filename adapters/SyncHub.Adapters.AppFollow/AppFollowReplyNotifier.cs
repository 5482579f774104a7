using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// Posts agents' answers to app reviews (<see cref="ReviewEvents.Reply"/> outbox events) through AppFollow's
/// <c>POST reviews/reply</c>. The review comes from the event's <see cref="ReviewEvents.ReviewId"/>, which is the
/// ticket's external id (<c>{store}:{appId}:{reviewId}</c>, see <see cref="AppFollowReviewKey"/>); events may instead
/// carry the plain review id with <c>appId</c> and <c>store</c>. Delivery is at least once, so before posting the
/// notifier reads the review: when AppFollow already shows this very answer (an earlier attempt got through, on this
/// instance or another, before a crash or a lost answer), the event counts as delivered and nothing is posted again.
/// When it shows another answer (given in the store, or an earlier one of ours), posting would replace it: that is
/// done only when the agent asked for it (<see cref="ReplyRoute.ReplaceKey"/> = <c>true</c>), otherwise the reply is
/// refused for good. Failures throw for the outbox dispatcher to retry; those a retry will not fix throw
/// <see cref="DeliveryException"/> (permanent, or unauthorized for a refused token). AppFollow answers a reply with no
/// id, so the receipt carries none.
/// </summary>
public sealed class AppFollowReplyNotifier(
    IHttpClientFactory httpClients,
    IOptionsMonitor<AppFollowOptions> options,
    ILogger<AppFollowReplyNotifier> logger) : INotifier
{
    public const string NotifierName = "AppFollowReply";

    /// <summary>Google Play refuses replies longer than about 350 characters.</summary>
    public const int GooglePlayMaxReply = 350;

    public string Name => NotifierName;

    public bool Handles(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        return outboxEvent.Type == ReviewEvents.Reply
            && outboxEvent.Target is null or NotifierName or AppFollowReviewMapper.SourceName;
    }

    public async Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) => await DeliverAsync(outboxEvent, cancellationToken);

    public async Task<DeliveryReceipt> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        try
        {
            await PostAsync(outboxEvent, cancellationToken);
            return DeliveryReceipt.Sent;
        }
        catch (AppFollowRejectedException ex)
        {
            throw DeliveryException.Refused(ex.StatusCode, ex.Message, ex);
        }
    }

    private async Task PostAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        var key = Review(outboxEvent);
        var answer = outboxEvent.Data.GetValueOrDefault(ReviewEvents.Text)?.Trim();
        if (string.IsNullOrEmpty(answer))
        {
            throw new AppFollowRejectedException($"outbox event {outboxEvent.Id} has no '{ReviewEvents.Text}' to post");
        }

        if (key.Store == AppFollowStores.GooglePlay && answer.Length > GooglePlayMaxReply)
        {
            throw new AppFollowRejectedException(
                $"the reply of outbox event {outboxEvent.Id} has {answer.Length} characters; Google Play takes at most {GooglePlayMaxReply}");
        }

        var client = new AppFollowClient(httpClients, options.CurrentValue, logger);
        var current = await client.FindReviewAsync(key.AppId, key.ReviewId, cancellationToken);
        if (Same(current?.AnswerText, answer))
        {
            Log.AlreadyAnswered(logger, key.ToString(), outboxEvent.Id);
            return;
        }

        if (current?.Answer is not null && !Replaces(outboxEvent))
        {
            Log.AnswerKept(logger, key.ToString(), outboxEvent.Id);
            throw new AppFollowRejectedException(
                $"the {ReviewDiagnostics.StoreName(key.Store)} review already has a store answer" +
                $"{(current.AnswerDate is { Length: > 0 } date ? $" (given {date.Trim()})" : "")}; posting this reply would replace it: " +
                "the agent must choose to replace the existing answer explicitly");
        }

        await client.ReplyAsync(key.AppId, key.ReviewId, answer, cancellationToken);
        Log.ReplyPosted(logger, key.ToString(), outboxEvent.Id, outboxEvent.TicketNumber);
    }

    private static AppFollowReviewKey Review(OutboxEvent outboxEvent)
    {
        var data = outboxEvent.Data;
        var reviewId = data.GetValueOrDefault(ReviewEvents.ReviewId)?.Trim();
        if (data.GetValueOrDefault(ReviewDiagnostics.AppId) is { Length: > 0 } appId
            && AppFollowStores.Normalize(data.GetValueOrDefault(ReviewDiagnostics.Store)) is { } store
            && !string.IsNullOrEmpty(reviewId))
        {
            return AppFollowReviewKey.TryParse(reviewId, out var qualified) ? qualified : new AppFollowReviewKey(store, appId.Trim(), reviewId);
        }

        return AppFollowReviewKey.TryParse(reviewId, out var key)
            ? key
            : throw new AppFollowRejectedException(
                $"outbox event {outboxEvent.Id} names review '{reviewId}', which is not an AppFollow review key ({{store}}:{{appId}}:{{reviewId}}), and carries no '{ReviewDiagnostics.AppId}' and '{ReviewDiagnostics.Store}'");
    }

    /// <summary>True when the agent explicitly asked to replace the answer the review already has.</summary>
    private static bool Replaces(OutboxEvent outboxEvent) =>
        string.Equals(outboxEvent.Data.GetValueOrDefault(ReplyRoute.ReplaceKey)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers compare without regard to surrounding space and line-ending style (the stores normalise both).</summary>
    private static bool Same(string? shown, string answer) =>
        shown is not null && Normalize(shown) == Normalize(answer);

    private static string Normalize(string text) => text.Trim().ReplaceLineEndings("\n");
}
