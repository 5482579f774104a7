using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// The team-chat alerts of an out-of-credits episode: one when AppFollow first answers 402, one when a read works
/// again. The episode's key is the UTC day it started (<c>appfollow:credits:2026-11-30</c>), so the pauses and 402s
/// that follow within the episode, another hub instance, or a restart on the same day send nothing again; a second
/// episode on a day that already had one (seen by this process) is keyed by its minute. An alert the store could not
/// take is tried again at the next fetch.
/// </summary>
internal sealed class AppFollowCreditsAlerts(ITeamAlerts alerts, ILogger logger)
{
    /// <summary>The alert's kind when AppFollow runs out of credits.</summary>
    public const string OutKind = "appfollow-credits";

    /// <summary>The alert's kind when AppFollow answers again.</summary>
    public const string BackKind = "appfollow-credits-back";

    private readonly Lock gate = new();
    private string? episode;
    private DateTimeOffset since;
    private bool outRaised;
    private DateOnly? lastEnded;
    private TeamAlert? pending;

    /// <summary>AppFollow answered 402 at <paramref name="now"/>: starts an episode and raises its alert, unless one runs.</summary>
    public Task OutOfCreditsAsync(DateTimeOffset now, DateTimeOffset until, TimeSpan pause, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (episode is null)
            {
                var day = DateOnly.FromDateTime(now.UtcDateTime);
                episode = lastEnded == day
                    ? now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
                    : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                since = now;
                outRaised = false;
                pending = new TeamAlert(
                    $"appfollow:credits:{episode}",
                    OutKind,
                    "AppFollow is out of API credits",
                    $"AppFollow answered HTTP 402 (out of API credits) at {now.UtcDateTime:yyyy-MM-dd HH:mm} UTC. No reviews are read, and replies to reviews wait in the outbox, " +
                    $"until credits are bought in AppFollow's API dashboard. SyncHub asks AppFollow again every {pause} ({AppFollowOptions.Section}:{nameof(AppFollowOptions.CreditsPause)}), " +
                    $"next at {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC, and says so here when reading works again.");
            }
        }

        return RetryPendingAsync(cancellationToken);
    }

    /// <summary>A read worked at <paramref name="now"/>: ends the episode, if one runs, with a "credits back" alert.</summary>
    public Task ReadingAgainAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (episode is null)
            {
                return Task.CompletedTask;
            }

            // Without the first alert in the chat, "credits back" would answer a question nobody asked.
            pending = outRaised
                ? new TeamAlert(
                    $"appfollow:credits-back:{episode}",
                    BackKind,
                    "AppFollow answers again",
                    $"AppFollow reads work again (out of API credits since {since.UtcDateTime:yyyy-MM-dd HH:mm} UTC). The reviews of the pause are read from where the source stopped; none is lost.")
                : null;
            episode = null;
            lastEnded = DateOnly.FromDateTime(now.UtcDateTime);
        }

        return RetryPendingAsync(cancellationToken);
    }

    /// <summary>Stores the alert still waiting, if any; a failure is logged and tried again at the next call.</summary>
    public async Task RetryPendingAsync(CancellationToken cancellationToken)
    {
        TeamAlert? alert;
        lock (gate)
        {
            alert = pending;
        }

        if (alert is null)
        {
            return;
        }

        try
        {
            await alerts.RaiseAsync(alert, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CreditsAlertFailed(logger, alert.Key, ex);
            return;
        }

        lock (gate)
        {
            if (ReferenceEquals(pending, alert))
            {
                pending = null;
            }

            if (alert.Kind == OutKind)
            {
                outRaised = true;
            }
        }
    }
}
