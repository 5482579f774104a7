using System.Globalization;
using Microsoft.Extensions.Logging;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Reviews;

/// <summary>
/// After an app review becomes a ticket: records why its team was chosen, alerts the mobile team in chat when the
/// review is critical (<see cref="ReviewOptions.Critical"/>), and counts it under its signature so that the review
/// which makes an issue frequent (<see cref="ReviewOptions.Frequent"/>) alerts once. Every alert is a
/// <see cref="ChatEvents.Message"/> written with a history line in one store update, once per ticket (the event id is
/// the idempotency key), so a replayed record repairs a lost step and never alerts twice. An edited review (threaded
/// onto its ticket) may make the ticket critical but is not counted again.
/// </summary>
public sealed class ReviewAlerts(
    ITicketStore store,
    IReviewSignalStore signals,
    ReviewRules rules,
    TimeProvider time,
    ILogger<ReviewAlerts> logger) : ITicketCreatedHook
{
    /// <summary>The history line that explains the team.</summary>
    public const string RoutingType = "review-routing";

    /// <summary>The <see cref="ChatEvents.Kind"/> and history type of a critical-review alert.</summary>
    public const string CriticalKind = "review-critical";

    /// <summary>The <see cref="ChatEvents.Kind"/> and history type of a frequent-issue alert.</summary>
    public const string FrequentKind = "review-frequent";

    public async Task OnCreatedAsync(IntakeRecord record, CreateResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(result);
        if (record.Channel != Channel.AppReview)
        {
            return;
        }

        var options = rules.Options;
        var review = ReviewFacts.From(record);
        var (isBeta, betaReason) = rules.Beta(review);
        var now = time.GetUtcNow();
        var at = record.ReceivedAt < now ? record.ReceivedAt : now;
        var alert = now - at <= options.MaxAlertAge;
        if (!alert)
        {
            Log.ReviewTooOldToAlert(logger, result.Number, at, options.MaxAlertAge);
        }

        var critical = alert && options.CriticalAlerts ? rules.Critical.Match(review, isBeta) : null;
        var threaded = result.Outcome == CreateOutcome.Threaded;
        await store.UpdateAsync(
            result.TicketId,
            ticket =>
            {
                var history = new List<HistoryEntry>();
                var outbox = new List<OutboxEvent>();
                if (!threaded && ticket.Team is not null && !Has(ticket, RoutingType))
                {
                    history.Add(new(now, RoutingType, $"Team {ticket.Team}: {(isBeta ? "beta" : "release")} review, {betaReason}", new Dictionary<string, string>
                    {
                        ["team"] = ticket.Team,
                        ["beta"] = isBeta ? "true" : "false",
                    }));
                }

                if (critical is not null && !Has(ticket, CriticalKind))
                {
                    var evt = CriticalAlert(ticket, review, now);
                    outbox.Add(evt);
                    history.Add(new(now, CriticalKind, $"Critical review ({critical}): alert queued to {options.MobileChannel}", new Dictionary<string, string>
                    {
                        ["eventId"] = evt.Id,
                        ["reason"] = critical,
                    }));
                }

                return history.Count == 0 ? null : new TicketChange(outbox.Count == 0 ? ticket : ticket with { UpdatedAt = now }, history, outbox);
            },
            cancellationToken);
        if (critical is not null)
        {
            Log.ReviewCritical(logger, result.Number, options.MobileChannel);
        }

        if (!threaded && options.Frequent.Enabled && ReviewSignature.Of(review, rules.Vocabulary, options.Frequent.VersionScope) is { } signature)
        {
            await CountAsync(result, review, signature, at, alert, now, cancellationToken);
        }
    }

    private async Task CountAsync(CreateResult result, ReviewFacts review, string signature, DateTimeOffset at, bool alert, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var frequent = rules.Options.Frequent;
        var count = await signals.RecordAsync(signature, result.Number, review.Version, at, frequent.Window, frequent.Threshold, cancellationToken);
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

    private OutboxEvent CriticalAlert(Ticket ticket, ReviewFacts review, DateTimeOffset now)
    {
        var data = AlertData(CriticalKind, ticket, $"Critical app review: {review.Describe()}", ticket.Body);
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
        var data = AlertData(FrequentKind, ticket, $"Frequent issue: {count.Count.ToString(CultureInfo.InvariantCulture)} reviews about {concepts} within {window}", text);
        data["count"] = count.Count.ToString(CultureInfo.InvariantCulture);
        data["versions"] = versions;
        data["tickets"] = tickets;
        data["signature"] = signature;
        data["window"] = rules.Options.Frequent.Window.ToString("c", CultureInfo.InvariantCulture);
        Add(data, "store", ReviewDiagnostics.StoreName(review.Store));
        Add(data, "appId", review.AppId);
        return Alert(ticket, FrequentKind, data, now);
    }

    private Dictionary<string, string> AlertData(string kind, Ticket ticket, string title, string text)
    {
        var options = rules.Options;
        var link = string.IsNullOrEmpty(options.TicketLink)
            ? null
            : options.TicketLink
                .Replace("{number}", ticket.Number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{id}", ticket.Id, StringComparison.Ordinal);
        var data = new Dictionary<string, string>
        {
            [ChatEvents.Kind] = kind,
            [ChatEvents.Channel] = options.MobileChannel,
            [ChatEvents.Title] = title,
            [ChatEvents.Text] = link is null ? text : $"{text}\n{link}",
            [ChatEvents.Priority] = ticket.Priority.ToString(),
            [ChatEvents.Subject] = ticket.Subject,
        };
        Add(data, ChatEvents.Mention, options.MobileMention);
        Add(data, "link", link);
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
            data[key] = value.Trim();
        }
    }

    private static string Describe(TimeSpan window) => window switch
    {
        { TotalDays: >= 1 } when window.Ticks % TimeSpan.TicksPerDay == 0 => $"{window.TotalDays.ToString(CultureInfo.InvariantCulture)} {(window.TotalDays == 1 ? "day" : "days")}",
        { TotalHours: >= 1 } when window.Ticks % TimeSpan.TicksPerHour == 0 => $"{window.TotalHours.ToString(CultureInfo.InvariantCulture)} {(window.TotalHours == 1 ? "hour" : "hours")}",
        _ => $"{Math.Round(window.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes",
    };
}
