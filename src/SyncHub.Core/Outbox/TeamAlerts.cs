using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Diagnostics;
using SyncHub.Domain;

namespace SyncHub.Outbox;

/// <summary>
/// Raises an adapter's <see cref="TeamAlert"/> as a <see cref="ChatEvents.Message"/> to the alert channel
/// (<see cref="OutboxOptions.AlertChannel"/>), through the outbox: stored once per key (kept
/// <see cref="OutboxOptions.TeamAlertKeyLifetime"/>), then delivered and retried by the chat notifier.
/// </summary>
public sealed class TeamAlerts(IOutboxAppender appender, IOptions<OutboxOptions> options, TimeProvider time, ILogger<TeamAlerts> logger) : ITeamAlerts
{
    /// <summary>The prefix of a team alert's outbox event id (the rest is its key).</summary>
    public const string EventIdPrefix = "alert:team:";

    public async Task<bool> RaiseAsync(TeamAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (string.IsNullOrWhiteSpace(alert.Key) || alert.Key.Length > 200)
        {
            throw new ArgumentException("A team alert's key must be 1 to 200 characters.", nameof(alert));
        }

        var settings = options.Value;
        var evt = OutboxDispatcher.ChatAlert(EventIdPrefix + alert.Key, "", 0, alert.Kind, settings.AlertChannel, alert.Title, alert.Text, time.GetUtcNow());
        var raised = await appender.AppendOnceAsync(alert.Key, evt, settings.TeamAlertKeyLifetime, cancellationToken);
        Log.TeamAlert(logger, alert.Kind, alert.Key, raised, alert.Title);
        return raised;
    }
}
