using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RestSharp;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// The typed client of the Rocket.Chat REST API (<c>X-User-Id</c> + <c>X-Auth-Token</c>) and of incoming webhooks.
/// Transient failures (no answer, timeouts, 408, 429 or a rate-limited error body, 5xx) throw
/// <see cref="RocketChatException"/> (with the rate limiter's wait, see <see cref="RocketChatRateLimit"/>); answers a retry
/// cannot change throw <see cref="RocketChatRejectedException"/>.
/// </summary>
internal sealed class RocketChatClient(IHttpClientFactory httpClients, RocketChatOptions settings, TimeProvider time)
{
    /// <summary>The id of the room <paramref name="channel"/> names: <c>#name</c> or <c>name</c> (rooms.info), <c>@user</c> (im.create).</summary>
    public async Task<string> ResolveRoomAsync(string channel, CancellationToken cancellationToken)
    {
        RestRequest request;
        if (channel.StartsWith('@'))
        {
            request = Authenticated(new RestRequest("api/v1/im.create", Method.Post))
                .AddStringBody(new JsonObject { ["username"] = channel[1..] }.ToJsonString(), ContentType.Json);
        }
        else
        {
            request = Authenticated(new RestRequest("api/v1/rooms.info"))
                .AddQueryParameter("roomName", channel.TrimStart('#'));
        }

        var response = await ExecuteAsync(request, "look up the room", cancellationToken);
        var body = Json(response.Content);
        if (response.StatusCode == HttpStatusCode.OK
            && body?["room"] is JsonObject room
            && (Text(room, "rid") ?? Text(room, "_id")) is { Length: > 0 } roomId)
        {
            return roomId;
        }

        ThrowUnlessClientError(response, body, "look up the room");
        throw new RocketChatRejectedException(
            $"Rocket.Chat has no room '{channel}' the bot can post to (HTTP {(int)response.StatusCode}: {Error(body) ?? "no error text"}); " +
            "check the event's channel or SyncHub:Adapters:RocketChat:DefaultChannel and that the bot user is a member",
            response.StatusCode);
    }

    /// <summary>
    /// Posts the message with its own id. The id Rocket.Chat stored it under (its answer's <c>message._id</c>) when it was
    /// posted; null when Rocket.Chat already has a message with this id (an earlier attempt got through): the retry counts
    /// as delivered.
    /// </summary>
    public async Task<string?> SendMessageAsync(string messageId, string roomId, string text, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["message"] = new JsonObject { ["_id"] = messageId, ["rid"] = roomId, ["msg"] = text } };
        var request = Authenticated(new RestRequest("api/v1/chat.sendMessage", Method.Post))
            .AddStringBody(body.ToJsonString(), ContentType.Json);
        var response = await ExecuteAsync(request, "post the message", cancellationToken);
        var answer = Json(response.Content);
        if (response.StatusCode == HttpStatusCode.OK && answer?["success"]?.GetValueKind() != JsonValueKind.False)
        {
            return (answer?["message"] is JsonObject stored ? Text(stored, "_id") : null) ?? messageId;
        }

        ThrowUnlessClientError(response, answer, "post the message");
        var error = Error(answer) ?? "";

        // A message id already taken: older servers (and racing instances) fail the insert with Mongo's E11000; newer
        // ones skip it and fail later with a generic error. Either way the message is there if chat.getMessage finds it.
        if (error.Contains("E11000", StringComparison.Ordinal)
            || error.Contains("duplicate key", StringComparison.OrdinalIgnoreCase)
            || await MessageExistsAsync(messageId, cancellationToken))
        {
            return null;
        }

        throw new RocketChatRejectedException(
            $"Rocket.Chat refused the message (HTTP {(int)response.StatusCode}: {(error.Length > 0 ? error : "no error text")})",
            response.StatusCode);
    }

    /// <summary>True when <c>chat.getMessage</c> finds a message with this id.</summary>
    public async Task<bool> MessageExistsAsync(string messageId, CancellationToken cancellationToken)
    {
        var request = Authenticated(new RestRequest("api/v1/chat.getMessage")).AddQueryParameter("msgId", messageId);
        var response = await ExecuteAsync(request, "look up the message", cancellationToken);
        var answer = Json(response.Content);
        if (IsTransient(response.StatusCode, answer))
        {
            throw Transient(response, answer, "look up the message");
        }

        return response.StatusCode == HttpStatusCode.OK
            && answer?["message"] is JsonObject message
            && Text(message, "_id") == messageId;
    }

    /// <summary>Posts <c>{text, channel?}</c> to the incoming webhook. It has no message id: a retry may show the message twice.</summary>
    public async Task PostWebhookAsync(Uri webhookUrl, string text, string? channel, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["text"] = text };
        if (channel is not null)
        {
            body["channel"] = channel.StartsWith('@') || channel.StartsWith('#') ? channel : "#" + channel;
        }

        using var client = RocketChatHttp.CreateRestClient(httpClients, webhookUrl);
        var request = new RestRequest("", Method.Post).AddStringBody(body.ToJsonString(), ContentType.Json);
        var response = await ExecuteAsync(client, request, "post to the incoming webhook", cancellationToken);
        var answer = Json(response.Content);
        if (response.StatusCode == HttpStatusCode.OK && answer?["success"]?.GetValueKind() != JsonValueKind.False)
        {
            return;
        }

        if (IsTransient(response.StatusCode, answer))
        {
            throw Transient(response, answer, "post to the incoming webhook");
        }

        // The URL holds the integration's token: name the key, never the URL.
        throw new RocketChatRejectedException(
            $"Rocket.Chat's incoming webhook refused the message (HTTP {(int)response.StatusCode}: {Error(answer) ?? "no error text"}); " +
            "check SyncHub:Adapters:RocketChat:WebhookUrl and that the integration is enabled",
            response.StatusCode);
    }

    private RestRequest Authenticated(RestRequest request) =>
        request.AddHeader(RocketChatHttp.UserIdHeader, settings.UserId).AddHeader(RocketChatHttp.AuthTokenHeader, settings.AuthToken);

    private async Task<RestResponse> ExecuteAsync(RestRequest request, string what, CancellationToken cancellationToken)
    {
        var baseUrl = settings.BaseUrl ?? throw new RocketChatRejectedException("SyncHub:Adapters:RocketChat:BaseUrl is not configured");
        using var client = RocketChatHttp.CreateRestClient(httpClients, baseUrl);
        return await ExecuteAsync(client, request, what, cancellationToken);
    }

    private async Task<RestResponse> ExecuteAsync(RestClient client, RestRequest request, string what, CancellationToken cancellationToken)
    {
        var response = await client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ResponseStatus != ResponseStatus.Completed)
        {
            var timedOut = response.ErrorException is Polly.Timeout.TimeoutRejectedException or TaskCanceledException or TimeoutException;
            throw new RocketChatException(
                timedOut
                    ? $"Rocket.Chat did not answer within {settings.Timeout} ({what})"
                    : $"Rocket.Chat did not answer ({what}): {response.ErrorException?.Message ?? response.ErrorMessage}",
                null,
                response.ErrorException);
        }

        return response;
    }

    /// <summary>Throws for an answer that is not a client error: refused credentials (permanent) or a transient status.</summary>
    private void ThrowUnlessClientError(RestResponse response, JsonNode? body, string what)
    {
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RocketChatRejectedException(
                $"Rocket.Chat refused the bot's credentials (HTTP {(int)response.StatusCode}: {Error(body) ?? "unauthorized"}) trying to {what}; " +
                "check SyncHub:Adapters:RocketChat:UserId and :AuthToken and the bot's permissions",
                response.StatusCode);
        }

        if (IsTransient(response.StatusCode, body))
        {
            throw Transient(response, body, what);
        }
    }

    private RocketChatException Transient(RestResponse response, JsonNode? body, string what)
    {
        var error = Error(body);
        if (!RocketChatRateLimit.IsRateLimited(response.StatusCode, error))
        {
            return new($"Rocket.Chat answered HTTP {(int)response.StatusCode} trying to {what}; the delivery will be retried", response.StatusCode);
        }

        var retryAfter = RocketChatRateLimit.RetryAfter(response, error, time.GetUtcNow());
        return new RocketChatException(
            $"Rocket.Chat is rate limiting the bot (HTTP {(int)response.StatusCode}{(retryAfter is { } wait ? $", the window resets in {wait.TotalSeconds:0.#} s" : "")}) trying to {what}; the delivery will be retried",
            response.StatusCode,
            retryAfter)
        {
            IsRateLimited = true,
        };
    }

    private static bool IsTransient(HttpStatusCode status, JsonNode? body) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500 || RocketChatRateLimit.IsRateLimited(status, Error(body));

    private static JsonNode? Json(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(content);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Rocket.Chat's error text: <c>{"success": false, "error": ...}</c> or <c>{"status": "error", "message": ...}</c>.</summary>
    private static string? Error(JsonNode? body) =>
        body is JsonObject answer ? Text(answer, "error") ?? Text(answer, "message") : null;

    private static string? Text(JsonObject node, string property) =>
        node[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
