using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// Polls the support account's mentions timeline (<c>GET /2/users/:id/mentions</c>). X lists mentions newest first and
/// pages towards older ones, so a round of polls is: the first page after the committed since_id, then its
/// <c>next_token</c> pages down to the since_id, one page per fetch (<see cref="IntakePage.HasMore"/> while pages wait).
/// Every page of a round carries the same since_id; the cursor committed after each stored page holds that since_id,
/// the newest id of the round and the next page's token, so a restart resumes at the next page. Only when the last
/// page of the round is stored does the cursor become the round's newest id: the since_id of the next round. Nothing
/// is skipped (a crash re-reads at most one page, which the store's idempotency absorbs) and nothing newer than the
/// round is lost (it is after the new since_id). When a page reports <c>x-rate-limit-remaining: 0</c>, or X answers
/// 429, the source waits on its clock until <c>x-rate-limit-reset</c> and asks again from the same cursor.
/// </summary>
/// <remarks>
/// With user-context credentials (and <see cref="TwitterOptions.DirectMessages"/>), every mentions round is followed by a
/// round of the account's direct messages (<c>GET /2/dm_events</c>, newest first, no since_id on X's side): its pages are
/// read until one reaches the committed newest event id, and that round's newest id is committed when it ends. Both
/// positions live in one cursor (<see cref="TwitterPollCursor"/>), since the poller keeps one checkpoint per source.
/// </remarks>
public sealed class TwitterSource(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TwitterOptions> options,
    TwitterUserContext user,
    TimeProvider time,
    ILogger<TwitterSource> logger) : IPollingSource
{
    /// <summary>Requests refused with 429 in a row within one fetch before the fetch fails and the poller backs off.</summary>
    internal const int MaxRateLimitedAttempts = 3;

    /// <summary>Waited past the announced reset, for clocks that disagree by a little.</summary>
    internal static readonly TimeSpan ResetMargin = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private DateTimeOffset? pausedUntil;

    public string Name => TweetMapper.SourceName;

    public async Task<IntakePage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var poll = TwitterPollCursor.Parse(cursor);
        if (!settings.ReadsDirectMessages)
        {
            poll = new TwitterPollCursor(poll.Mentions);
        }
        else if (poll.Mentions.Round is null && (poll.DirectMessagesDue || poll.DirectMessages?.Round is not null))
        {
            return await FetchDirectMessagesAsync(poll, settings, cancellationToken);
        }

        var mentions = await FetchMentionsAsync(poll.Mentions, settings, cancellationToken);
        if (!settings.ReadsDirectMessages)
        {
            return mentions;
        }

        // The mentions round has ended: a round of direct messages is due next, at once.
        var next = TwitterCursor.Parse(mentions.NextCursor);
        return next.Round is null
            ? mentions with { NextCursor = new TwitterPollCursor(next, poll.DirectMessages ?? TwitterCursor.Start, DirectMessagesDue: true).Text, HasMore = true }
            : mentions with { NextCursor = (poll with { Mentions = next, DirectMessagesDue = false }).Text };
    }

    private async Task<IntakePage> FetchMentionsAsync(TwitterCursor state, TwitterOptions settings, CancellationToken cancellationToken)
    {
        var client = new TwitterClient(httpClients, settings, logger);
        var query = new TwitterMentionsQuery(
            settings.UserId.Trim(),
            settings.PageSize,
            state.SinceId,
            state.SinceId is null ? settings.StartTime : null,
            state.Round?.PaginationToken);

        TwitterMentionsPage page;
        try
        {
            page = await CallAsync(ct => client.GetMentionsAsync(query, ct), p => p.RateLimit, settings, cancellationToken);
        }
        catch (TwitterException ex) when (RoundTokenRefused(state, ex))
        {
            state = state with { Round = null };
            page = await CallAsync(ct => client.GetMentionsAsync(query with { PaginationToken = null }, ct), p => p.RateLimit, settings, cancellationToken);
        }

        return Page(state, page.Answer, settings.UserId.Trim());
    }

    private async Task<IntakePage> FetchDirectMessagesAsync(TwitterPollCursor poll, TwitterOptions settings, CancellationToken cancellationToken)
    {
        var state = poll.DirectMessages ?? TwitterCursor.Start;
        var client = new TwitterUserClient(httpClients, settings, user, time, logger);
        TwitterDmPage page;
        try
        {
            page = await CallAsync(ct => client.GetDirectMessagesAsync(settings.PageSize, state.Round?.PaginationToken, ct), p => p.RateLimit, settings, cancellationToken);
        }
        catch (TwitterException ex) when (RoundTokenRefused(state, ex))
        {
            state = state with { Round = null };
            page = await CallAsync(ct => client.GetDirectMessagesAsync(settings.PageSize, null, ct), p => p.RateLimit, settings, cancellationToken);
        }

        var (records, next, hasMore) = DirectMessagePage(state, page.Answer, settings);
        return new IntakePage(records, (poll with { DirectMessages = next, DirectMessagesDue = false }).Text, hasMore);
    }

    /// <summary>
    /// The records of a direct-message page (oldest first) and where the feed stands after it. X pages newest first without
    /// a since_id, so a round goes on while a page holds only events newer than the committed id (and, on the first sync,
    /// not older than <see cref="TwitterOptions.StartTime"/>) and X offers a next page; otherwise the round ends at its newest id.
    /// </summary>
    private (IReadOnlyList<IntakeRecord> Records, TwitterCursor Next, bool HasMore) DirectMessagePage(TwitterCursor state, TwitterDmEventsAnswer answer, TwitterOptions settings)
    {
        var events = (answer.Data ?? []).Where(e => TweetIds.IsId(e.Id)).ToList();
        var users = Users(answer.Includes);
        var since = state.SinceId;
        var start = since is null ? settings.StartTime : null;
        bool IsNew(TwitterDmEvent e) => (since is null || TweetIds.Compare(e.Id!, since) > 0) && (start is null || e.CreatedAt is null || e.CreatedAt >= start);

        var now = time.GetUtcNow();
        var records = new List<IntakeRecord>(events.Count);
        var newest = state.Round?.NewestId;
        foreach (var message in events.Where(IsNew).OrderBy(e => e.Id!, Comparer<string>.Create(TweetIds.Compare)))
        {
            newest = TweetIds.Newest(newest, message.Id);
            var (record, skipped) = DirectMessageMapper.ToRecord(message, users, settings.UserId.Trim(), settings.DirectMessageThreadWindow, now);
            if (record is not null)
            {
                records.Add(record);
            }
            else
            {
                Log.DirectMessageSkipped(logger, message.Id!, skipped!);
            }
        }

        var nextToken = string.IsNullOrWhiteSpace(answer.Meta?.NextToken) ? null : answer.Meta.NextToken;
        var more = nextToken is not null && events.All(IsNew);
        var next = more ? state with { Round = new TwitterRound(newest, nextToken!) } : new TwitterCursor(TweetIds.Newest(since, newest));
        Log.DirectMessagesRead(logger, events.Count, records.Count, more);
        return ([.. records.DistinctBy(r => r.ExternalId)], next, more);
    }

    /// <summary>True when X refused the stored token of a round (400 naming <c>pagination_token</c>): the round is read again from its since_id.</summary>
    private bool RoundTokenRefused(TwitterCursor state, TwitterException ex)
    {
        if (state.Round is null || ex.StatusCode != HttpStatusCode.BadRequest || ex.InvalidParameter != "pagination_token")
        {
            return false;
        }

        Log.RoundRestarted(logger, state.SinceId ?? "(none)");
        return true;
    }

    private static Dictionary<string, TwitterUser> Users(TwitterIncludes? includes) =>
        (includes?.Users ?? [])
            .Where(u => u.Id is not null)
            .DistinctBy(u => u.Id)
            .ToDictionary(u => u.Id!, StringComparer.Ordinal);

    private IntakePage Page(TwitterCursor state, TwitterMentionsAnswer answer, string supportUserId)
    {
        var tweets = answer.Data ?? [];
        var users = Users(answer.Includes);

        var now = time.GetUtcNow();
        var records = new List<IntakeRecord>(tweets.Count);
        string? newest = state.Round?.NewestId;
        newest = TweetIds.Newest(newest, TweetIds.IsId(answer.Meta?.NewestId) ? answer.Meta!.NewestId : null);

        // Oldest first within the page, so a conversation's first post opens the ticket its replies thread onto.
        foreach (var tweet in tweets.Where(t => TweetIds.IsId(t.Id)).OrderBy(t => t.Id!, Comparer<string>.Create(TweetIds.Compare)))
        {
            newest = TweetIds.Newest(newest, tweet.Id);
            var (record, skipped) = TweetMapper.ToRecord(tweet, users, supportUserId, now);
            if (record is not null)
            {
                records.Add(record);
            }
            else
            {
                Log.MentionSkipped(logger, tweet.Id!, skipped!);
            }
        }

        var nextToken = string.IsNullOrWhiteSpace(answer.Meta?.NextToken) ? null : answer.Meta.NextToken;
        var next = nextToken is not null
            ? state with { Round = new TwitterRound(newest, nextToken) }
            : new TwitterCursor(TweetIds.Newest(state.SinceId, newest));
        Log.PageRead(logger, tweets.Count, records.Count, nextToken is not null);
        return new IntakePage([.. records.DistinctBy(r => r.ExternalId)], next.Text, HasMore: nextToken is not null);
    }

    /// <summary>One request, after any spent rate-limit window has reset; a 429 waits for its reset and asks again.</summary>
    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, Func<T, TwitterRateLimit> rateLimit, TwitterOptions settings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await WaitForWindowAsync(settings, cancellationToken);
            try
            {
                var page = await call(cancellationToken);
                if (rateLimit(page) is { Exhausted: true, ResetAt: { } reset })
                {
                    Log.WindowSpent(logger, reset);
                    Pause(reset);
                }

                return page;
            }
            catch (TwitterRateLimitedException ex)
            {
                Log.RateLimited(logger, ex.ResetAt, attempt);
                if (ex.ResetAt is not { } reset || attempt >= MaxRateLimitedAttempts)
                {
                    if (ex.ResetAt is { } later)
                    {
                        Pause(later);
                    }

                    throw;
                }

                Pause(reset);
            }
        }
    }

    private async Task WaitForWindowAsync(TwitterOptions settings, CancellationToken cancellationToken)
    {
        DateTimeOffset? until;
        lock (gate)
        {
            until = pausedUntil;
        }

        if (until is not { } resume)
        {
            return;
        }

        var wait = resume - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            if (wait > settings.MaxRateLimitWait)
            {
                throw new TwitterRateLimitedException(
                    $"X's rate-limit window resets at {resume - ResetMargin:O}, later than SyncHub:Adapters:Twitter:MaxRateLimitWait ({settings.MaxRateLimitWait}) from now",
                    resume - ResetMargin);
            }

            Log.WaitingForReset(logger, resume, wait);
            await Task.Delay(wait, time, cancellationToken);
        }

        lock (gate)
        {
            if (pausedUntil == until)
            {
                pausedUntil = null;
            }
        }
    }

    private void Pause(DateTimeOffset reset)
    {
        var resume = reset + ResetMargin;
        lock (gate)
        {
            if (pausedUntil is null || resume > pausedUntil)
            {
                pausedUntil = resume;
            }
        }
    }
}
