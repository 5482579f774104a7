using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// The typed client of AppFollow's API v2: <c>GET reviews</c> (<c>ext_id</c>, <c>from</c>, <c>to</c>, <c>page</c>) and
/// <c>POST reviews/reply</c> (<c>{ext_id, review_id, answer_text}</c>), authenticated by <c>X-AppFollow-API-Token</c>.
/// A refused token or request throws <see cref="AppFollowRejectedException"/>; a 402 (out of API credits)
/// <see cref="AppFollowCreditsException"/>; anything a retry may fix (no answer, 408, 429, 5xx) throws <see cref="AppFollowException"/>.
/// </summary>
internal sealed class AppFollowClient(IHttpClientFactory httpClients, AppFollowOptions settings, ILogger logger)
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>One page of the app's reviews dated <paramref name="from"/> to <paramref name="to"/> (both included).</summary>
    public async Task<AppFollowReviewsPage> GetReviewsAsync(string appId, DateOnly from, DateOnly to, int page, CancellationToken cancellationToken)
    {
        var request = Authenticated(new RestRequest("reviews"))
            .AddQueryParameter("ext_id", appId)
            .AddQueryParameter("from", from.ToString(DateFormat, CultureInfo.InvariantCulture))
            .AddQueryParameter("to", to.ToString(DateFormat, CultureInfo.InvariantCulture))
            .AddQueryParameter("page", page.ToString(CultureInfo.InvariantCulture));
        var response = await ExecuteAsync(AppFollowHttp.ReadClient, request, "GET reviews", cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Failure(response, "GET reviews");
        }

        var answer = Read(response, "GET reviews");
        var reviews = answer.Reviews?.List ?? [];
        // AppFollow documents that next (and prev) are null on the last page; the meaning of total is not documented.
        var next = answer.Reviews?.Page?.Next is { } n && n > page ? n : (int?)null;
        return new AppFollowReviewsPage(reviews, next);
    }

    /// <summary>The review as AppFollow shows it now (with its <c>answer_text</c>), or null when the answer does not list it.</summary>
    public async Task<AppFollowReview?> FindReviewAsync(string appId, string reviewId, CancellationToken cancellationToken)
    {
        var request = Authenticated(new RestRequest("reviews"))
            .AddQueryParameter("ext_id", appId)
            .AddQueryParameter("review_id", reviewId);
        var response = await ExecuteAsync(AppFollowHttp.ReplyClient, request, "GET reviews (the review to answer)", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw Failure(response, "GET reviews (the review to answer)");
        }

        return Read(response, "GET reviews").Reviews?.List?.FirstOrDefault(r => r.Id == reviewId);
    }

    /// <summary>Posts <paramref name="answer"/> as the reply to the review (a second post replaces the store's reply).</summary>
    public async Task ReplyAsync(string appId, string reviewId, string answer, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["ext_id"] = appId, ["review_id"] = reviewId, ["answer_text"] = answer };
        var request = Authenticated(new RestRequest("reviews/reply", Method.Post)).AddStringBody(body.ToJsonString(), ContentType.Json);
        var response = await ExecuteAsync(AppFollowHttp.ReplyClient, request, "POST reviews/reply", cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted or HttpStatusCode.NoContent))
        {
            throw Failure(response, "POST reviews/reply");
        }
    }

    private RestRequest Authenticated(RestRequest request) =>
        request.AddHeader(AppFollowHttp.TokenHeader, settings.ApiToken).AddHeader("Accept", "application/json");

    private async Task<RestResponse> ExecuteAsync(string clientName, RestRequest request, string what, CancellationToken cancellationToken)
    {
        var baseUrl = settings.BaseUrl ?? throw new AppFollowRejectedException("SyncHub:Adapters:AppFollow:BaseUrl is not configured");
        using var client = AppFollowHttp.CreateRestClient(httpClients, clientName, baseUrl);
        var response = await client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ResponseStatus != ResponseStatus.Completed)
        {
            var timedOut = response.ErrorException is Polly.Timeout.TimeoutRejectedException or TaskCanceledException or TimeoutException;
            throw new AppFollowException(
                timedOut ? $"AppFollow did not answer {what} within {settings.Timeout}" : $"AppFollow did not answer {what}: {response.ErrorException?.Message ?? response.ErrorMessage}",
                null,
                response.ErrorException);
        }

        return response;
    }

    private static AppFollowReviewsAnswer Read(RestResponse response, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<AppFollowReviewsAnswer>(response.Content ?? "", AppFollowJson.Options)
                ?? throw new AppFollowException($"AppFollow answered {what} with an empty body");
        }
        catch (JsonException ex)
        {
            throw new AppFollowException($"AppFollow answered {what} with a body that is not a reviews list: {ex.Message}", ex);
        }
    }

    private AppFollowException Failure(RestResponse response, string what)
    {
        var status = (int)response.StatusCode;
        var error = Error(response.Content);
        var detail = error is null ? "" : $": {error}";
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            Log.Unauthorized(logger, status, what);
            return new AppFollowRejectedException(
                response.StatusCode == HttpStatusCode.Unauthorized
                    ? $"AppFollow refused the API token (HTTP 401{detail}): it is invalid, expired or revoked; set SyncHub:Adapters:AppFollow:ApiToken to an API v2 token from AppFollow's API dashboard"
                    : $"AppFollow refused the API token access (HTTP 403{detail}) for {what}: give the token access to the app's workspace (SyncHub:Adapters:AppFollow:ApiToken)",
                response.StatusCode);
        }

        if (response.StatusCode == HttpStatusCode.PaymentRequired)
        {
            // Not transient for the HTTP pipeline either: only buying credits helps.
            return new AppFollowCreditsException(
                $"AppFollow refused {what}: the account is out of API credits (HTTP 402{detail}); buy credits in AppFollow's API dashboard",
                pausedUntil: null);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
            return new AppFollowException(
                $"AppFollow is rate limiting {what} (HTTP 429{(retryAfter is null ? "" : $", Retry-After {retryAfter}")}{detail}); 1,000 requests an hour per token",
                response.StatusCode);
        }

        return AppFollowHttp.IsTransient(response.StatusCode)
            ? new AppFollowException($"AppFollow answered {what} with HTTP {status}{detail}", response.StatusCode)
            : new AppFollowRejectedException($"AppFollow refused {what} (HTTP {status}{detail})", response.StatusCode);
    }

    /// <summary>AppFollow's error text: <c>{"error": "..."}</c>, <c>{"error": {"message": "..."}}</c> or <c>{"message": "..."}</c>.</summary>
    private static string? Error(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(content) is not JsonObject root)
            {
                return null;
            }

            var text = root["error"] switch
            {
                JsonValue value when value.TryGetValue<string>(out var message) => message,
                JsonObject error => Text(error["message"]) ?? Text(error["msg"]),
                _ => null,
            };
            return text ?? Text(root["message"]) ?? Text(root["msg"]) ?? Text(root["detail"]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
