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
public sealed class TwitterSource(
    IHttpClientFactory httpClients,
    IOptionsMonitor<TwitterOptions> options,
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
        var state = TwitterCursor.Parse(cursor);
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
            page = await GetAsync(client, query, settings, cancellationToken);
        }
        catch (TwitterException ex) when (state.Round is not null && ex.StatusCode == HttpStatusCode.BadRequest && ex.InvalidParameter == "pagination_token")
        {
            // The round's token is no longer accepted: read the round again from its since_id (repeats are duplicates).
            Log.RoundRestarted(logger, state.SinceId ?? "(none)");
            state = state with { Round = null };
            page = await GetAsync(client, query with { PaginationToken = null }, settings, cancellationToken);
        }

        return Page(state, page.Answer, settings.UserId.Trim());
    }

    private IntakePage Page(TwitterCursor state, TwitterMentionsAnswer answer, string supportUserId)
    {
        var tweets = answer.Data ?? [];
        var users = (answer.Includes?.Users ?? [])
            .Where(u => u.Id is not null)
            .DistinctBy(u => u.Id)
            .ToDictionary(u => u.Id!, StringComparer.Ordinal);

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
    private async Task<TwitterMentionsPage> GetAsync(TwitterClient client, TwitterMentionsQuery query, TwitterOptions settings, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await WaitForWindowAsync(settings, cancellationToken);
            try
            {
                var page = await client.GetMentionsAsync(query, cancellationToken);
                if (page.RateLimit is { Exhausted: true, ResetAt: { } reset })
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
