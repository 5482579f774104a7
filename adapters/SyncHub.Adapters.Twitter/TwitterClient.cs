using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// The typed client of the X API v2 mentions timeline: <c>GET {BaseUrl}/2/users/{id}/mentions</c> with the app's bearer
/// token. Transient failures are retried by the HTTP client's resilience pipeline; a 429 surfaces as a
/// <see cref="TwitterRateLimitedException"/> carrying the window's reset, a refused token as a
/// <see cref="TwitterAuthenticationException"/>, anything else unusable as a <see cref="TwitterException"/>.
/// </summary>
internal sealed class TwitterClient(IHttpClientFactory httpClients, TwitterOptions settings, ILogger logger)
{
    /// <summary>
    /// The post fields every request asks for; <c>note_tweet</c> carries the full text of a long post,
    /// <c>edit_history_tweet_ids</c> the original of an edited one.
    /// </summary>
    public const string TweetFields = "created_at,author_id,conversation_id,lang,referenced_tweets,entities,note_tweet,edit_history_tweet_ids";

    public const string UserFields = "username,name";

    public async Task<TwitterMentionsPage> GetMentionsAsync(TwitterMentionsQuery query, CancellationToken cancellationToken)
    {
        var root = settings.BaseUrl ?? TwitterOptions.DefaultBaseUrl;
        using var client = TwitterHttp.CreateRestClient(httpClients, root);
        var request = new RestRequest("2/users/{id}/mentions")
            .AddUrlSegment("id", query.UserId)
            .AddHeader("Authorization", "Bearer " + settings.BearerToken)
            .AddHeader("Accept", "application/json")
            .AddQueryParameter("max_results", query.PageSize.ToString(CultureInfo.InvariantCulture))
            .AddQueryParameter("expansions", "author_id")
            .AddQueryParameter("tweet.fields", TweetFields)
            .AddQueryParameter("user.fields", UserFields);
        if (query.SinceId is { } sinceId)
        {
            request.AddQueryParameter("since_id", sinceId);
        }
        else if (query.StartTime is { } start)
        {
            request.AddQueryParameter("start_time", start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        if (query.PaginationToken is { } token)
        {
            request.AddQueryParameter("pagination_token", token);
        }

        var response = await client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ResponseStatus != ResponseStatus.Completed)
        {
            throw new TwitterException(
                $"X did not answer GET /2/users/:id/mentions ({response.ResponseStatus}): {response.ErrorException?.Message ?? response.ErrorMessage}",
                response.ErrorException);
        }

        var rateLimit = RateLimit(response);
        return response.StatusCode == HttpStatusCode.OK
            ? new TwitterMentionsPage(Read(response.Content), rateLimit)
            : throw Failure(response, rateLimit);
    }

    private static TwitterMentionsAnswer Read(string? content)
    {
        try
        {
            return (string.IsNullOrWhiteSpace(content) ? null : JsonSerializer.Deserialize<TwitterMentionsAnswer>(content, TwitterJson.Options))
                ?? throw new TwitterException("X answered GET /2/users/:id/mentions with an empty body");
        }
        catch (JsonException ex)
        {
            throw new TwitterException($"X answered GET /2/users/:id/mentions with a body that is not a timeline: {ex.Message}", ex);
        }
    }

    private TwitterException Failure(RestResponse response, TwitterRateLimit rateLimit)
    {
        var problem = TwitterProblem.Read(response.Content);
        var (title, detail) = (problem.Title, problem.Detail);
        var status = (int)response.StatusCode;
        switch (response.StatusCode)
        {
            case HttpStatusCode.TooManyRequests:
                return new TwitterRateLimitedException(
                    $"X is rate limiting GET /2/users/:id/mentions (HTTP 429{(rateLimit.ResetAt is { } reset ? $", window resets at {reset:O}" : "")})",
                    rateLimit.ResetAt);
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                Log.Unauthorized(logger, status);
                return new TwitterAuthenticationException(
                    response.StatusCode == HttpStatusCode.Unauthorized
                        ? "X refused the bearer token (HTTP 401): check SyncHub:Adapters:Twitter:BearerToken"
                        : $"X refused access to the mentions timeline (HTTP 403{(detail is null ? "" : $": {detail}")}): the app's access level must include it; check SyncHub:Adapters:Twitter:UserId",
                    response.StatusCode);
            default:
                return new TwitterException(
                    $"X answered GET /2/users/:id/mentions with HTTP {status}{(title is null ? "" : $" {title}")}{(detail is null ? "" : $": {detail}")}",
                    response.StatusCode,
                    problem.Parameter);
        }
    }

    internal static TwitterRateLimit RateLimit(RestResponse response)
    {
        var limit = Number(response, "x-rate-limit-limit");
        var remaining = Number(response, "x-rate-limit-remaining");
        var reset = Number(response, "x-rate-limit-reset");
        return new TwitterRateLimit(
            limit is null ? null : (int)Math.Min(limit.Value, int.MaxValue),
            remaining is null ? null : (int)Math.Min(remaining.Value, int.MaxValue),
            reset is { } seconds && seconds < 253402300800 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
    }

    private static long? Number(RestResponse response, string header)
    {
        var value = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, header, StringComparison.OrdinalIgnoreCase))?.Value;
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
