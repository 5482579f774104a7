using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// Polls AppFollow's reviews method for every configured app and store, one page of one app per fetch. A round reads
/// each app's window <c>[From, today]</c> to its last page (<see cref="IntakePage.HasMore"/> while pages or apps of the
/// round wait), then starts the app's next window on today: the last day is read again next round, because reviews
/// keep arriving (and edited reviews reappear at their edit date); the store's idempotency absorbs the repeats. The
/// positions of all apps travel in one cursor (<see cref="AppFollowCursor"/>), committed after each page is stored.
/// A 402 (out of API credits) pauses the source: for <see cref="AppFollowOptions.CreditsPause"/> every fetch throws
/// <see cref="AppFollowCreditsException"/> without calling AppFollow, and the 402 is logged once. An out-of-credits
/// episode (from the first 402 to the first read that works again) raises one team-chat alert
/// (<see cref="AppFollowCreditsAlerts"/>), and its end one more.
/// </summary>
public sealed class AppFollowSource(
    IHttpClientFactory httpClients,
    IOptionsMonitor<AppFollowOptions> options,
    ITeamAlerts teamAlerts,
    TimeProvider time,
    ILogger<AppFollowSource> logger) : IPollingSource
{
    private readonly Lock gate = new();
    private readonly AppFollowCreditsAlerts alerts = new(teamAlerts, logger);
    private DateTimeOffset? creditsPausedUntil;

    public string Name => AppFollowReviewMapper.SourceName;

    public async Task<IntakePage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var apps = settings.Apps.Where(a => a.StoreCode is not null && !string.IsNullOrWhiteSpace(a.AppId)).ToList();
        if (apps.Count == 0)
        {
            return IntakePage.Empty(cursor);
        }

        var state = cursor is null ? AppFollowCursor.Start : AppFollowCursor.Parse(cursor);
        var index = state.Next < apps.Count ? state.Next : 0;
        var app = apps[index];
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var position = state.Apps.GetValueOrDefault(app.Key)
            ?? new AppFollowPosition(settings.StartFrom is { } start ? DateOnly.FromDateTime(start.UtcDateTime) : today);
        var to = position.To ?? today;
        var from = position.From <= to ? position.From : to;
        var pageNumber = position.Page ?? 1;

        await ThrowIfOutOfCreditsAsync(now, cancellationToken);
        var client = new AppFollowClient(httpClients, settings, logger);
        AppFollowReviewsPage page;
        try
        {
            page = await client.GetReviewsAsync(app.AppId.Trim(), from, to, pageNumber, cancellationToken);
        }
        catch (AppFollowCreditsException ex)
        {
            var until = time.GetUtcNow() + settings.CreditsPause;
            lock (gate)
            {
                creditsPausedUntil = until;
            }

            Log.OutOfCredits(logger, until);
            await alerts.OutOfCreditsAsync(now, until, settings.CreditsPause, cancellationToken);
            throw new AppFollowCreditsException($"{ex.Message}. SyncHub calls AppFollow again at {until:O} (SyncHub:Adapters:AppFollow:CreditsPause)", until, ex);
        }

        Log.PageRead(logger, app.Key, pageNumber, from, to, page.Reviews.Count);
        await alerts.ReadingAgainAsync(now, cancellationToken);
        var records = Records(app, page.Reviews, now);

        // Apps no longer configured are dropped from the cursor.
        var positions = new Dictionary<string, AppFollowPosition>(StringComparer.Ordinal);
        foreach (var known in apps)
        {
            if (state.Apps.TryGetValue(known.Key, out var kept))
            {
                positions[known.Key] = kept;
            }
        }

        int next;
        bool more;
        if (page.NextPage is { } nextPage)
        {
            positions[app.Key] = new AppFollowPosition(from, to, nextPage);
            (next, more) = (index, true);
        }
        else
        {
            positions[app.Key] = new AppFollowPosition(to);
            next = index + 1 < apps.Count ? index + 1 : 0;
            more = next != 0;
        }

        return new IntakePage(records, new AppFollowCursor(next, positions).ToString(), more);
    }

    /// <summary>
    /// Within the pause after a 402, fails the fetch without calling AppFollow (nor logging again); an alert that could
    /// not be stored at the 402 is tried again first.
    /// </summary>
    private async Task ThrowIfOutOfCreditsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? until;
        lock (gate)
        {
            until = creditsPausedUntil;
        }

        if (until is { } pausedUntil && now < pausedUntil)
        {
            await alerts.RetryPendingAsync(cancellationToken);
            throw new AppFollowCreditsException(
                $"AppFollow is out of API credits (it answered HTTP 402); SyncHub calls it again at {pausedUntil:O} (SyncHub:Adapters:AppFollow:CreditsPause). Buy credits in AppFollow's API dashboard",
                pausedUntil);
        }
    }

    /// <summary>The page's reviews as records, oldest first; a review without an id is skipped (and logged).</summary>
    private List<IntakeRecord> Records(AppFollowApp app, IReadOnlyList<AppFollowReview> reviews, DateTimeOffset now)
    {
        var records = new List<IntakeRecord>(reviews.Count);
        foreach (var review in reviews)
        {
            if (review.Store is { } store && AppFollowStores.Normalize(store) is { } code && code != app.StoreCode)
            {
                Log.OtherStore(logger, app.Key, store);
                continue;
            }

            if (AppFollowReviewMapper.ToRecord(app, review, now) is { } record)
            {
                records.Add(record);
            }
            else
            {
                Log.ReviewSkipped(logger, app.Key);
            }
        }

        return [.. records
            .DistinctBy(r => r.ExternalId)
            .OrderBy(r => r.ReceivedAt)
            .ThenBy(r => r.ExternalId, StringComparer.Ordinal)];
    }
}
