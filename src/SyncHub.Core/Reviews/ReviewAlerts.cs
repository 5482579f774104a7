using System.Globalization;
using Microsoft.Extensions.Logging;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Reviews;

/// <summary>
/// When an app review becomes a ticket: records why its team was chosen, alerts the mobile team in chat when the review
/// is critical (<see cref="ReviewOptions.Critical"/>), and counts it under its signature so that the review which makes
/// an issue frequent (<see cref="ReviewOptions.Frequent"/>) alerts once. Every alert is a <see cref="ChatEvents.Message"/>
/// with a history line. The routing line and the critical alert are written with the ticket, in its creation (an
/// <see cref="ITicketCreationHook"/>: no second store call); so is the count, which needs the ticket's number, where the
/// store records it with the number it assigns (<see cref="TicketCreation.Signal"/>; else it follows the creation), and
/// the frequent-issue alert, when the count crosses the threshold, is a store update of its own. Each
/// happens once per ticket (the event id is the idempotency key), so a replayed record never alerts twice. An edited
/// review (threaded onto its ticket) may make the ticket critical, alerted by an update of that ticket, but is not
/// counted again.
/// </summary>
public sealed class ReviewAlerts(
    ITicketStore store,
    IReviewSignalStore signals,
    ReviewRules rules,
    TimeProvider time,
    ILogger<ReviewAlerts> logger) : ITicketCreationHook
{
    /// <summary>The history line that explains the team.</summary>
    public const string RoutingType = "review-routing";

    /// <summary>The <see cref="ChatEvents.Kind"/> and history type of a critical-review alert.</summary>
    public const string CriticalKind = "review-critical";

    /// <summary>The <see cref="ChatEvents.Kind"/> and history type of a frequent-issue alert.</summary>
    public const string FrequentKind = "review-frequent";

    public ValueTask<object?> AddAsync(IntakeRecord record, Ticket ticket, TicketAdditions additions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(additions);
        if (record.Channel != Channel.AppReview)
        {
            return ValueTask.FromResult<object?>(null);
        }

        var assessment = Assess(record, ticket.CreatedAt);
        if (ticket.Team is not null)
        {
            additions.Add(RoutingEntry(ticket.Team, assessment));
        }

        if (assessment.Critical is { } critical)
        {
            var evt = CriticalAlert(ticket, assessment.Review, TicketCreation.NumberPlaceholder, assessment.Now);
            additions.Add(CriticalEntry(evt, critical, assessment.Now));
            additions.Add(evt);
        }

        if (assessment.Signature is { } signature && signals.CountedInCreation)
        {
            var frequent = rules.Options.Frequent;
            additions.Count(new SignalRecording(signature, assessment.Review.Version, assessment.At, frequent.Window, frequent.Threshold));
        }

        return ValueTask.FromResult<object?>(assessment);
    }

    public Task OnStoredAsync(IntakeRecord record, CreateResult result, bool written, object? state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(result);
        return record.Channel == Channel.AppReview ? OnReviewStoredAsync(record, result, written, state, cancellationToken) : Task.CompletedTask;
    }

    // Apart from OnStoredAsync: its closure is made on entry, which every other channel's record should not pay.
    private async Task OnReviewStoredAsync(IntakeRecord record, CreateResult result, bool written, object? state, CancellationToken cancellationToken)
    {
        var assessment = state as Assessment ?? Assess(record, time.GetUtcNow());
        var options = rules.Options;
        if (!assessment.Alert)
        {
            Log.ReviewTooOldToAlert(logger, result.Number, assessment.At, options.MaxAlertAge);
        }

        var threaded = result.Outcome == CreateOutcome.Threaded;
        if (!written)
        {
            // Threaded onto an existing ticket, a replay, or the creation went without these lines: written onto the
            // stored ticket, each once.
            var now = time.GetUtcNow();
            await store.UpdateAsync(
                result.TicketId,
                ticket =>
                {
                    var history = new List<HistoryEntry>();
                    var outbox = new List<OutboxEvent>();
                    if (!threaded && ticket.Team is not null && !Has(ticket, RoutingType))
                    {
                        history.Add(RoutingEntry(ticket.Team, assessment with { Now = now }));
                    }

                    if (assessment.Critical is { } critical && !Has(ticket, CriticalKind))
                    {
                        var evt = CriticalAlert(ticket, assessment.Review, ticket.Number.ToString(CultureInfo.InvariantCulture), now);
                        outbox.Add(evt);
                        history.Add(CriticalEntry(evt, critical, now));
                    }

                    return history.Count == 0 ? null : new TicketChange(outbox.Count == 0 ? ticket : ticket with { UpdatedAt = now }, history, outbox);
                },
                cancellationToken);
        }

        if (assessment.Critical is not null)
        {
            Log.ReviewCritical(logger, result.Number, options.MobileChannel);
        }

        if (!threaded && assessment.Signature is { } signature)
        {
            await CountAsync(result, assessment.Review, signature, assessment.At, assessment.Alert, time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>What the review's record decides, at <paramref name="now"/>.</summary>
    private Assessment Assess(IntakeRecord record, DateTimeOffset now)
    {
        var options = rules.Options;
        var review = ReviewFacts.From(record);
        var (isBeta, betaReason) = rules.Beta(review);
        var at = record.ReceivedAt < now ? record.ReceivedAt : now;
        var alert = now - at <= options.MaxAlertAge;
        var critical = alert && options.CriticalAlerts ? rules.Critical.Match(review, isBeta) : null;
        var signature = options.Frequent.Enabled ? ReviewSignature.Of(review, rules.Vocabulary, options.Frequent.VersionScope) : null;
        return new Assessment(review, isBeta, betaReason, now, at, alert, critical, signature);
    }

    private static HistoryEntry RoutingEntry(string team, Assessment assessment) =>
        new(assessment.Now, RoutingType, $"Team {team}: {(assessment.IsBeta ? "beta" : "release")} review, {assessment.BetaReason}", new Dictionary<string, string>(2)
        {
            ["team"] = team,
            ["beta"] = assessment.IsBeta ? "true" : "false",
        });

    private HistoryEntry CriticalEntry(OutboxEvent evt, string critical, DateTimeOffset now) =>
        new(now, CriticalKind, $"Critical review ({critical}): alert queued to {rules.Options.MobileChannel}", new Dictionary<string, string>(2)
        {
            ["eventId"] = evt.Id,
            ["reason"] = critical,
        });

    private async Task CountAsync(CreateResult result, ReviewFacts review, string signature, DateTimeOffset at, bool alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var frequent = rules.Options.Frequent;
        // Counted in the creation when the store could (one Redis call less per review), else now.
        var count = result.Signal
            ?? await signals.RecordAsync(signature, result.Number, review.Version, at, frequent.Window, frequent.Threshold, cancellationToken);
        Log.ReviewCounted(logger, result.Number, signature, count.Count);
        if (!count.Crossed || !alert)
        {
            return;
        }

        await store.UpdateAsync(
            result.TicketId,
            ticket =>
            {
                if (Has(ticket, FrequentKind))
                {
                    return null;
                }

                var evt = FrequentAlert(ticket, review, signature, count, now);
                var entry = new HistoryEntry(now, FrequentKind, $"Frequent issue: {evt.Data[ChatEvents.Title]}; alert queued to {rules.Options.MobileChannel}", new Dictionary<string, string>
                {
                    ["eventId"] = evt.Id,
                    ["signature"] = signature,
                    ["count"] = evt.Data["count"],
                    ["tickets"] = evt.Data["tickets"],
                });
                return new TicketChange(ticket with { UpdatedAt = now }, [entry], [evt]);
            },
            cancellationToken);
        Log.ReviewFrequent(logger, signature, count.Count, frequent.Window, result.Number);
    }

    /// <summary>The critical-review alert; <paramref name="number"/> is how it names the ticket's number.</summary>
    private OutboxEvent CriticalAlert(Ticket ticket, ReviewFacts review, string number, DateTimeOffset now)
    {
        var data = AlertData(CriticalKind, ticket, number, $"Critical app review: {review.Describe()}", ticket.Body);
        Add(data, "rating", review.Rating?.ToString(CultureInfo.InvariantCulture));
        Add(data, "appVersion", review.Version);
        Add(data, "store", ReviewDiagnostics.StoreName(review.Store));
        Add(data, "appId", review.AppId);
        return Alert(ticket, CriticalKind, data, now);
    }

    private OutboxEvent FrequentAlert(Ticket ticket, ReviewFacts review, string signature, SignalCount count, DateTimeOffset now)
    {
        var window = Describe(rules.Options.Frequent.Window);
        var versions = string.Join(", ", count.Entries.Select(e => e.Version ?? "unknown").Distinct(StringComparer.Ordinal));
        var tickets = string.Join(", ", count.Entries.Select(e => $"#{e.TicketNumber.ToString(CultureInfo.InvariantCulture)}"));
        var concepts = ReviewSignature.Concepts(signature);
        var app = review.AppId is null ? "the app" : review.AppId;
        var text = $"{count.Count.ToString(CultureInfo.InvariantCulture)} reviews of {app} on {ReviewDiagnostics.StoreName(review.Store)} mention {concepts} within {window}.\n" +
            $"Versions: {versions}\nTickets: {tickets}";
        var data = AlertData(FrequentKind, ticket, ticket.Number.ToString(CultureInfo.InvariantCulture), $"Frequent issue: {count.Count.ToString(CultureInfo.InvariantCulture)} reviews about {concepts} within {window}", text);
        data["count"] = count.Count.ToString(CultureInfo.InvariantCulture);
        data["versions"] = versions;
        data["tickets"] = tickets;
        data["signature"] = signature;
        data["window"] = rules.Options.Frequent.Window.ToString("c", CultureInfo.InvariantCulture);
        Add(data, "store", ReviewDiagnostics.StoreName(review.Store));
        Add(data, "appId", review.AppId);
        return Alert(ticket, FrequentKind, data, now);
    }

    /// <summary>
    /// An alert's data. Its texts go through <see cref="TicketCreation.Literal"/>: <paramref name="number"/> may be
    /// <see cref="TicketCreation.NumberPlaceholder"/>, which they must not contain.
    /// </summary>
    private Dictionary<string, string> AlertData(string kind, Ticket ticket, string number, string title, string text)
    {
        var options = rules.Options;
        var link = string.IsNullOrEmpty(options.TicketLink)
            ? null
            : TicketCreation.Literal(options.TicketLink)
                .Replace("{number}", number, StringComparison.Ordinal)
                .Replace("{id}", ticket.Id, StringComparison.Ordinal);
        text = TicketCreation.Literal(text);
        var data = new Dictionary<string, string>(12)
        {
            [ChatEvents.Kind] = kind,
            [ChatEvents.Channel] = TicketCreation.Literal(options.MobileChannel),
            [ChatEvents.Title] = TicketCreation.Literal(title),
            [ChatEvents.Text] = link is null ? text : $"{text}\n{link}",
            [ChatEvents.Priority] = ticket.Priority.ToString(),
            [ChatEvents.Subject] = TicketCreation.Literal(ticket.Subject),
        };
        Add(data, ChatEvents.Mention, options.MobileMention);
        if (!string.IsNullOrWhiteSpace(link))
        {
            // Not through Add: the link may hold the number placeholder.
            data["link"] = link.Trim();
        }

        return data;
    }

    private static OutboxEvent Alert(Ticket ticket, string kind, Dictionary<string, string> data, DateTimeOffset now) => new()
    {
        Id = $"{ticket.Id}:{kind}",
        Type = ChatEvents.Message,
        TicketId = ticket.Id,
        TicketNumber = ticket.Number,
        CreatedAt = now,
        Data = data,
    };

    private static bool Has(Ticket ticket, string type) => ticket.History.Any(h => h.Type == type);

    private static void Add(Dictionary<string, string> data, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            data[key] = TicketCreation.Literal(value.Trim());
        }
    }

    private static string Describe(TimeSpan window) => window switch
    {
        { TotalDays: >= 1 } when window.Ticks % TimeSpan.TicksPerDay == 0 => $"{window.TotalDays.ToString(CultureInfo.InvariantCulture)} {(window.TotalDays == 1 ? "day" : "days")}",
        { TotalHours: >= 1 } when window.Ticks % TimeSpan.TicksPerHour == 0 => $"{window.TotalHours.ToString(CultureInfo.InvariantCulture)} {(window.TotalHours == 1 ? "hour" : "hours")}",
        _ => $"{Math.Round(window.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes",
    };

    /// <summary>What a review's record decides, worked out once before its ticket is created and used again after.</summary>
    private sealed record Assessment(
        ReviewFacts Review, bool IsBeta, string BetaReason, DateTimeOffset Now, DateTimeOffset At, bool Alert, string? Critical, string? Signature);
}
