using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Sla;

/// <summary>
/// Watches the store's due-time index: when a first-response or resolution due instant passes, the ticket
/// is marked breached, the history says so and an escalation chat message is queued; when an at-risk instant
/// passes, a warning is written and queued once. Every mark is a conditional store update computed from the
/// ticket as stored, so several instances running the monitor record each breach once.
/// </summary>
public sealed class SlaMonitor(
    ITicketStore store,
    IOptions<SlaMonitorOptions> options,
    SlaMetrics metrics,
    TimeProvider time,
    ILogger<SlaMonitor> logger) : BackgroundService
{
    /// <summary>Marks every deadline due by now; returns how many tickets were changed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var changed = 0;
        while (true)
        {
            var now = time.GetUtcNow();
            var due = await store.DueAsync(now, settings.BatchSize, cancellationToken);
            foreach (var deadline in due)
            {
                Ticket? marked = null;
                await store.UpdateAsync(deadline.TicketId, t => Mark(t, deadline.Kind, now, settings, out marked), cancellationToken);
                if (marked is not null)
                {
                    changed++;
                    Record(marked, deadline.Kind);
                }
            }

            if (due.Count < settings.BatchSize)
            {
                return changed;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (StoreUnavailableException ex)
            {
                Log.SlaMonitorUnavailable(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static TicketChange? Mark(Ticket ticket, SlaDeadlineKind kind, DateTimeOffset now, SlaMonitorOptions settings, out Ticket? marked)
    {
        marked = null;
        var live = SlaDeadlines.Live(ticket).FirstOrDefault(d => d.Kind == kind);
        if (ticket.Sla is not { } sla || live == default || live.At > now)
        {
            // Met, paused, moved or already marked by another instance since the index was read.
            return null;
        }

        var (updated, breach, target) = kind switch
        {
            SlaDeadlineKind.FirstResponse => (sla with { FirstResponseBreached = true }, true, "first response"),
            SlaDeadlineKind.Resolution => (sla with { ResolutionBreached = true }, true, "resolution"),
            SlaDeadlineKind.FirstResponseAtRisk => (sla with { FirstResponseWarned = true }, false, "first response"),
            _ => (sla with { ResolutionWarned = true }, false, "resolution"),
        };
        var dueAt = (kind is SlaDeadlineKind.FirstResponse or SlaDeadlineKind.FirstResponseAtRisk ? sla.FirstResponseDueAt : sla.ResolutionDueAt)!.Value;
        var due = dueAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var message = breach ? $"SLA breached: the {target} was due at {due}" : $"SLA at risk: the {target} is due at {due}";
        var entry = new HistoryEntry(now, breach ? HistoryTypes.SlaBreached : HistoryTypes.SlaAtRisk, message, new Dictionary<string, string>
        {
            ["target"] = target,
            ["dueAt"] = due,
            ["policy"] = sla.Policy,
        });
        var chat = new OutboxEvent
        {
            Id = $"{ticket.Id}:sla:{kind}",
            Type = ChatEvents.Message,
            TicketId = ticket.Id,
            TicketNumber = ticket.Number,
            CreatedAt = now,
            Data = new Dictionary<string, string>
            {
                [ChatEvents.Kind] = breach ? "sla-breach" : "sla-at-risk",
                [ChatEvents.Channel] = settings.Channel,
                [ChatEvents.Mention] = settings.Mention,
                [ChatEvents.Title] = breach ? $"SLA breached ({target})" : $"SLA at risk ({target})",
                [ChatEvents.Text] = $"{ticket.Department} / {ticket.Priority} / {ticket.Account?.Name ?? "unknown account"}: {message}",
                [ChatEvents.Priority] = ticket.Priority.ToString(),
                [ChatEvents.Subject] = ticket.Subject,
                [ChatEvents.DueAt] = due,
            },
        };
        marked = ticket with { Sla = updated, UpdatedAt = now };
        return new TicketChange(marked, [entry], [chat]);
    }

    private void Record(Ticket ticket, SlaDeadlineKind kind)
    {
        var target = kind is SlaDeadlineKind.FirstResponse or SlaDeadlineKind.FirstResponseAtRisk ? SlaMetrics.FirstResponse : SlaMetrics.Resolution;
        if (kind is SlaDeadlineKind.FirstResponse or SlaDeadlineKind.Resolution)
        {
            metrics.Breached(ticket, target);
            Log.SlaBreached(logger, ticket.Number, target);
        }
        else
        {
            metrics.AtRisk(ticket, target);
            Log.SlaAtRisk(logger, ticket.Number, target);
        }
    }
}
