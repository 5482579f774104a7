using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// The X API v2 calls made as the support account (user context, see <see cref="TwitterUserContext"/>): a public reply
/// (<c>POST /2/tweets</c>), a direct message (<c>POST /2/dm_conversations/with/:participant_id/messages</c>) and the account's
/// direct-message events (<c>GET /2/dm_events</c>). An OAuth 2.0 token X refuses (401) is refreshed once and the request
/// sent again. Failures: <see cref="TwitterRateLimitedException"/> (429, with the window's reset),
/// <see cref="TwitterAuthenticationException"/> (401 that no refresh cures), <see cref="TwitterRejectedException"/> (any
/// other 4xx, with X's detail), <see cref="TwitterException"/> (5xx, no answer, a body that is not X's).
/// </summary>
internal sealed class TwitterUserClient(IHttpClientFactory httpClients, TwitterOptions settings, TwitterUserContext user, TimeProvider time, ILogger logger)
{
    public const string DmEventFields = "id,text,event_type,dm_conversation_id,created_at,sender_id,participant_ids";

    /// <summary>Posts <paramref name="text"/> as a public reply to <paramref name="inReplyToTweetId"/>; returns the new post.</summary>
    public async Task<TwitterCreated> PostReplyAsync(string inReplyToTweetId, string text, CancellationToken cancellationToken)
    {
        var body = new { text, reply = new { in_reply_to_tweet_id = inReplyToTweetId } };
        var created = await CreateAsync(() => new RestRequest("2/tweets", Method.Post).AddJsonBody(body), "POST /2/tweets", cancellationToken);
        return created.Id is { Length: > 0 } ? created : throw new TwitterException("X answered POST /2/tweets without the new post's id");
    }

    /// <summary>Sends <paramref name="text"/> as a direct message to <paramref name="participantId"/>; returns the new event.</summary>
    public async Task<TwitterCreated> SendDirectMessageAsync(string participantId, string text, CancellationToken cancellationToken)
    {
        var created = await CreateAsync(
            () => new RestRequest("2/dm_conversations/with/{participant_id}/messages", Method.Post)
                .AddUrlSegment("participant_id", participantId)
                .AddJsonBody(new { text }),
            "POST /2/dm_conversations/with/:participant_id/messages",
            cancellationToken);
        return created.DmEventId is { Length: > 0 } ? created : throw new TwitterException("X answered the direct message without its dm_event_id");
    }

    /// <summary>One page of the account's direct-message events (<c>MessageCreate</c> only), newest first.</summary>
    public async Task<TwitterDmPage> GetDirectMessagesAsync(int pageSize, string? paginationToken, CancellationToken cancellationToken)
    {
        const string what = "GET /2/dm_events";
        var response = await SendAsync(
            TwitterHttp.ClientName,
            () =>
            {
                var request = new RestRequest("2/dm_events")
                    .AddQueryParameter("max_results", pageSize.ToString(CultureInfo.InvariantCulture))
                    .AddQueryParameter("event_types", "MessageCreate")
                    .AddQueryParameter("dm_event.fields", DmEventFields)
                    .AddQueryParameter("expansions", "sender_id")
                    .AddQueryParameter("user.fields", TwitterClient.UserFields);
                return paginationToken is null ? request : request.AddQueryParameter("pagination_token", paginationToken);
            },
            what,
            cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? new TwitterDmPage(Read<TwitterDmEventsAnswer>(response.Content, what), TwitterClient.RateLimit(response))
            : throw Failure(response, what);
    }

    /// <summary>
    /// The support account's reply to <paramref name="inReplyToTweetId"/> with <paramref name="text"/> among its newest 100 posts
    /// after that post (<c>GET /2/users/:id/tweets?since_id=</c>), or null: after X refused a duplicate, this tells an earlier
    /// attempt that got through from another post with the same words.
    /// </summary>
    public async Task<string?> FindReplyAsync(string inReplyToTweetId, string text, CancellationToken cancellationToken)
    {
        const string what = "GET /2/users/:id/tweets";
        var response = await SendAsync(
            TwitterHttp.ClientName,
            () => new RestRequest("2/users/{id}/tweets")
                .AddUrlSegment("id", settings.UserId.Trim())
                .AddQueryParameter("since_id", inReplyToTweetId)
                .AddQueryParameter("max_results", "100")
                .AddQueryParameter("tweet.fields", "referenced_tweets"),
            what,
            cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Failure(response, what);
        }

        var wanted = TwitterRefusals.Comparable(text);
        return Read<TwitterMentionsAnswer>(response.Content, what).Data?
            .FirstOrDefault(t => t.ReferencedTweets?.Any(r => r.Type == "replied_to" && r.Id == inReplyToTweetId) == true
                && TwitterRefusals.Comparable(t.Text ?? "") == wanted)?.Id;
    }

    /// <summary>Throws <see cref="TwitterException"/> when X did not answer at all (network failure, timeout).</summary>
    public static void EnsureAnswered(RestResponse response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.ResponseStatus != ResponseStatus.Completed)
        {
            throw new TwitterException(
                $"X did not answer {what} ({response.ResponseStatus}): {response.ErrorException?.Message ?? response.ErrorMessage}",
                response.ErrorException);
        }
    }

    private async Task<TwitterCreated> CreateAsync(Func<RestRequest> build, string what, CancellationToken cancellationToken)
    {
        var response = await SendAsync(TwitterHttp.WriteClientName, () => build().AddHeader("Accept", "application/json"), what, cancellationToken);
        return response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK
            ? Read<TwitterCreatedAnswer>(response.Content, what).Data ?? throw new TwitterException($"X answered {what} without data")
            : throw Failure(response, what);
    }

    /// <summary>Sends the request as the support account; a 401 on an OAuth 2.0 token that can be refreshed is sent once more with the new token.</summary>
    private async Task<RestResponse> SendAsync(string clientName, Func<RestRequest> build, string what, CancellationToken cancellationToken)
    {
        using var client = TwitterHttp.CreateRestClient(httpClients, settings.BaseUrl ?? TwitterOptions.DefaultBaseUrl, clientName);
        var request = build();
        var used = await user.AuthorizeAsync(request, cancellationToken);
        var response = await client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureAnswered(response, what);
        if (response.StatusCode == HttpStatusCode.Unauthorized && used is not null && user.CanRefresh)
        {
            // X refused the token before doing anything, so sending the request again cannot do it twice.
            Log.UserTokenRefused(logger, what);
            await user.RefreshAsync(used, cancellationToken);
            request = build();
            await user.AuthorizeAsync(request, cancellationToken);
            response = await client.ExecuteAsync(request, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            EnsureAnswered(response, what);
        }

        return response;
    }

    private static T Read<T>(string? content, string what)
        where T : class
    {
        try
        {
            return (string.IsNullOrWhiteSpace(content) ? null : JsonSerializer.Deserialize<T>(content, TwitterJson.Options))
                ?? throw new TwitterException($"X answered {what} with an empty body");
        }
        catch (JsonException ex)
        {
            throw new TwitterException($"X answered {what} with a body that is not X's: {ex.Message}", ex);
        }
    }

    private TwitterException Failure(RestResponse response, string what)
    {
        var status = (int)response.StatusCode;
        var problem = TwitterProblem.Read(response.Content);
        var reason = problem.Text;
        var said = reason is null ? "" : $": {reason}";
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var now = time.GetUtcNow();
            var wait = ToolHttp.RateLimitReset(response, "x-rate-limit-reset", EpochUnit.Seconds, now);
            var reset = wait is { } w ? now + w : (DateTimeOffset?)null;
            return new TwitterRateLimitedException($"X is rate limiting {what} (HTTP 429{(reset is { } r ? $", window resets at {r:O}" : "")})", reset);
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            Log.UserContextRefused(logger, status);
            return new TwitterAuthenticationException(
                $"X refused the support account's credentials for {what} (HTTP 401{said}): check {TwitterOptions.UserContextSetting} and :UserRefreshToken, or the OAuth 1.0a keys",
                response.StatusCode);
        }

        return status is >= 400 and < 500 && response.StatusCode != HttpStatusCode.RequestTimeout
            ? new TwitterRejectedException($"X refused {what} (HTTP {status}{said})", response.StatusCode, reason, problem.Parameter)
            : new TwitterException($"X answered {what} with HTTP {status}{said}", response.StatusCode);
    }
}
