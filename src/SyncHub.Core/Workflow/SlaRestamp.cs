using System.Globalization;
using SyncHub.Domain;
using SyncHub.Policies;
using SyncHub.Sla;

namespace SyncHub.Workflow;

/// <summary>
/// Stamps a ticket's SLA again after an agent corrected its priority, its department or its CRM account: the SLA
/// policy picks the row for the ticket's account snapshot and priority, its targets run on the row's clock from the
/// ticket's creation instant, and every stretch the ticket spent Pending (from its history) moves the due instants the
/// way <see cref="SlaClock.Resume"/> did. A target already met (first response given, ticket resolved) stays as it was
/// met. Pure: the instant is passed in.
/// </summary>
public sealed class SlaRestamp(ISlaPolicy policy, SlaCalendars calendars)
{
    /// <summary>The new stamp (null: best effort) and the words that explain it.</summary>
    public SlaRestampResult Restamp(Ticket ticket, AccountSnapshot? account, Priority priority, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var record = new IntakeRecord
        {
            Source = ticket.Source,
            ExternalId = ticket.ExternalId,
            Channel = ticket.Channel,
            Requester = ticket.Requester,
            Subject = ticket.Subject,
            Body = ticket.Body,
            ReceivedAt = ticket.CreatedAt,
        };
        var decision = policy.Stamp(new TicketContext(record, account, ticket.CreatedAt), priority);
        if (decision.Value is not { } fresh)
        {
            return new(null, $"No SLA: {decision.Reason}");
        }

        var clock = calendars.Get(fresh.Clock ?? AlwaysOpenClock.ClockName);
        var (pauses, current) = Pauses(ticket);

        // Each finished Pending stretch moves the due instants as it did when the ticket resumed.
        var stamp = fresh;
        foreach (var (pausedAt, resumedAt) in pauses)
        {
            stamp = SlaClock.Resume(SlaClock.Pause(stamp, pausedAt), resumedAt, calendars);
        }

        if (current is { } pausedSince)
        {
            stamp = SlaClock.Pause(stamp, pausedSince);
        }

        var old = ticket.Sla;
        stamp = stamp with
        {
            FirstResponseBreached = old?.FirstResponseBreached == true && stamp.FirstResponseDueAt <= now,
            FirstResponseWarned = old?.FirstResponseWarned == true && stamp.FirstResponseAtRiskAt <= now,
            ResolutionBreached = old?.ResolutionBreached == true && stamp.ResolutionDueAt <= now,
            ResolutionWarned = old?.ResolutionWarned == true && stamp.ResolutionAtRiskAt <= now,
        };

        var metFirst = old?.FirstRespondedAt is not null;
        if (old?.FirstRespondedAt is { } responded)
        {
            stamp = stamp with
            {
                FirstRespondedAt = responded,
                FirstResponseTarget = old.FirstResponseTarget,
                FirstResponseDueAt = old.FirstResponseDueAt,
                FirstResponseAtRiskAt = old.FirstResponseAtRiskAt,
                FirstResponseBreached = old.FirstResponseBreached,
                FirstResponseWarned = old.FirstResponseWarned,
            };
        }

        var metResolution = old?.ResolvedAt is not null;
        if (old?.ResolvedAt is { } resolved)
        {
            stamp = stamp with
            {
                ResolvedAt = resolved,
                ResolutionTarget = old.ResolutionTarget,
                ResolutionDueAt = old.ResolutionDueAt,
                ResolutionAtRiskAt = old.ResolutionAtRiskAt,
                ResolutionBreached = old.ResolutionBreached,
                ResolutionWarned = old.ResolutionWarned,
            };
        }

        var parts = new List<string>
        {
            metFirst ? $"first response already given at {Utc(old!.FirstRespondedAt)} (stays met)" : $"first response due {Utc(stamp.FirstResponseDueAt)}",
            metResolution ? $"resolution already given at {Utc(old!.ResolvedAt)} (stays met)"
                : stamp.ResolutionDueAt is { } resolution ? $"resolution due {Utc(resolution)}" : "no resolution target",
        };
        if (pauses.Count > 0 || current is not null)
        {
            var pending = pauses.Aggregate(TimeSpan.Zero, (sum, p) => sum + clock.WorkingTimeBetween(p.PausedAt, p.ResumedAt));
            parts.Add(current is null
                ? $"{Hours(pending)} of working time Pending added"
                : $"{Hours(pending)} of working time Pending added, clock paused since {Utc(current)}");
        }

        return new(stamp, $"SLA {stamp.Policy} from {Utc(ticket.CreatedAt)} on the {clock.Name} clock: {string.Join("; ", parts)}");
    }

    /// <summary>The finished Pending stretches in order, and the start of the current one (null when not Pending).</summary>
    private static (List<(DateTimeOffset PausedAt, DateTimeOffset ResumedAt)> Done, DateTimeOffset? Current) Pauses(Ticket ticket)
    {
        var done = new List<(DateTimeOffset, DateTimeOffset)>();
        DateTimeOffset? start = null;
        foreach (var entry in ticket.History)
        {
            if (entry.Data is not { } data)
            {
                continue;
            }

            if (entry.Type == HistoryTypes.StatusChanged && data.TryGetValue("to", out var to) && to == nameof(TicketStatus.Pending))
            {
                start ??= entry.At;
            }
            else if (entry.Type is HistoryTypes.StatusChanged or HistoryTypes.Reopened && data.TryGetValue("from", out var from)
                && from == nameof(TicketStatus.Pending) && start is { } pausedAt)
            {
                done.Add((pausedAt, entry.At < pausedAt ? pausedAt : entry.At));
                start = null;
            }
        }

        // The stamp knows the current pause even where the history does not (a ticket set Pending by the store).
        var current = ticket.Sla is { Paused: true, PausedAt: { } paused } ? paused : ticket.Status == TicketStatus.Pending ? start : null;
        return (done, current);
    }

    private static string Utc(DateTimeOffset? instant) =>
        instant is { } at ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "none";

    private static string Hours(TimeSpan span) =>
        span.TotalMinutes < 60 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min");
}

/// <summary>A re-stamped SLA (null: best effort) and its explanation for the history.</summary>
public sealed record SlaRestampResult(SlaStamp? Stamp, string Explanation);
