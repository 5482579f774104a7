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
/// Failures throw for the outbox dispatcher to retry; those a retry will not fix throw <see cref="DeliveryException"/>
/// (permanent, or unauthorized for a refused token).
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

    public async Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        try
        {
            await DeliverAsync(outboxEvent, cancellationToken);
        }
        catch (AppFollowRejectedException ex)
        {
            throw DeliveryException.Refused(ex.StatusCode, ex.Message, ex);
        }
    }

    private async Task DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
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

    /// <summary>Answers compare without regard to surrounding space and line-ending style (the stores normalise both).</summary>
    private static bool Same(string? shown, string answer) =>
        shown is not null && Normalize(shown) == Normalize(answer);

    private static string Normalize(string text) => text.Trim().ReplaceLineEndings("\n");
}
