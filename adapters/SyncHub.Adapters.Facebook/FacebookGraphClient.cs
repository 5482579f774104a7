using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RestSharp;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// The typed client of the Graph API calls the reply notifier makes with the page access token: the Send API
/// (<c>POST /{page-id}/messages</c>), comment replies (<c>POST /{comment-id}/comments</c>), and the reads that find an
/// answer an earlier attempt already posted (the page's conversation with the person, the replies under the comment), and
/// the webhook's read of a Messenger sender's name (the User Profile API).
/// Every failure throws <see cref="DeliveryException"/> classified by <see cref="FacebookGraphError.Classify"/>.
/// </summary>
internal sealed class FacebookGraphClient(IHttpClientFactory httpClients, FacebookOptions settings, TimeProvider time)
{
    /// <summary>How many of the conversation's latest messages (or of the comment's latest replies) are searched for an earlier delivery.</summary>
    public const int LookBack = 20;

    /// <summary>Posts a Send API message; returns its <c>message_id</c>.</summary>
    public async Task<string?> SendMessageAsync(string pageId, JsonObject body, CancellationToken cancellationToken)
    {
        var request = new RestRequest($"{Uri.EscapeDataString(pageId)}/messages", Method.Post).AddStringBody(body.ToJsonString(), ContentType.Json);
        var answer = await ExecuteAsync(request, "send the Messenger message", cancellationToken);
        return Text(answer?["message_id"]);
    }

    /// <summary>Posts a public reply under the comment; returns the new comment's <c>id</c>.</summary>
    public async Task<string?> ReplyToCommentAsync(string commentId, string text, CancellationToken cancellationToken)
    {
        var request = new RestRequest($"{Uri.EscapeDataString(commentId)}/comments", Method.Post)
            .AddStringBody(new JsonObject { ["message"] = text }.ToJsonString(), ContentType.Json);
        var answer = await ExecuteAsync(request, "reply to the comment", cancellationToken);
        return Text(answer?["id"]);
    }

    /// <summary>
    /// The id of a message with <paramref name="text"/> the page sent to <paramref name="recipientId"/> at or after
    /// <paramref name="since"/> (among the conversation's latest <see cref="LookBack"/>), or null.
    /// </summary>
    public async Task<string?> FindSentMessageAsync(string pageId, string recipientId, string text, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var request = new RestRequest($"{Uri.EscapeDataString(pageId)}/conversations")
            .AddQueryParameter("platform", "messenger")
            .AddQueryParameter("user_id", recipientId)
            .AddQueryParameter("fields", $"messages.limit({LookBack.ToString(CultureInfo.InvariantCulture)}){{id,message,from,created_time}}");
        var answer = await ExecuteAsync(request, "read the Messenger conversation", cancellationToken);
        var messages = Items(answer).SelectMany(conversation => Items(conversation["messages"]));
        return messages.FirstOrDefault(m => FromPage(m, pageId) && Same(Text(m["message"]), text) && !Before(m, since)) is { } found ? Text(found["id"]) : null;
    }

    /// <summary>The id of a reply with <paramref name="text"/> the page posted under the comment (among its latest <see cref="LookBack"/>), or null.</summary>
    public async Task<string?> FindCommentReplyAsync(string commentId, string? pageId, string text, CancellationToken cancellationToken)
    {
        var request = new RestRequest($"{Uri.EscapeDataString(commentId)}/comments")
            .AddQueryParameter("fields", "id,message,from")
            .AddQueryParameter("order", "reverse_chronological")
            .AddQueryParameter("limit", LookBack.ToString(CultureInfo.InvariantCulture));
        var answer = await ExecuteAsync(request, "read the replies to the comment", cancellationToken);
        return Items(answer).FirstOrDefault(c => (pageId is null || FromPage(c, pageId)) && Same(Text(c["message"]), text)) is { } found ? Text(found["id"]) : null;
    }

    /// <summary>
    /// The person's name from the Messenger User Profile API (<c>GET /{psid}?fields=first_name,last_name,name</c>):
    /// <c>name</c>, else first and last name, else null.
    /// </summary>
    public async Task<string?> ReadNameAsync(string psid, CancellationToken cancellationToken)
    {
        var request = new RestRequest(Uri.EscapeDataString(psid)).AddQueryParameter("fields", "first_name,last_name,name");
        var answer = await ExecuteAsync(request, "read the sender's profile", cancellationToken);
        if (Text(answer?["name"]) is { } name && name.Trim().Length > 0)
        {
            return name.Trim();
        }

        var parts = string.Join(' ', new[] { Text(answer?["first_name"]), Text(answer?["last_name"]) }.Select(p => p?.Trim()).Where(p => !string.IsNullOrEmpty(p)));
        return parts.Length > 0 ? parts : null;
    }

    private async Task<JsonObject?> ExecuteAsync(RestRequest request, string what, CancellationToken cancellationToken)
    {
        var baseUrl = settings.BaseUrl ?? FacebookOptions.DefaultBaseUrl;
        using var client = ToolHttp.CreateRestClient(httpClients, FacebookHttp.ClientName, ToolHttp.WithTrailingSlash(baseUrl));
        request.AddQueryParameter(FacebookHttp.AccessTokenParameter, settings.PageAccessToken);
        var response = await client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ResponseStatus != ResponseStatus.Completed)
        {
            var timedOut = response.ErrorException is Polly.Timeout.TimeoutRejectedException or TaskCanceledException or TimeoutException;
            throw new DeliveryException(
                DeliveryFailureKind.Transient,
                timedOut ? $"Facebook did not answer within {settings.Timeout} trying to {what}" : $"Facebook did not answer trying to {what}: {response.ErrorException?.GetType().Name ?? response.ErrorMessage}",
                null,
                response.ErrorException);
        }

        var error = FacebookGraphError.Parse(response.Content);
        if (response.StatusCode != HttpStatusCode.OK || error is not null)
        {
            throw FacebookGraphError.Classify(error, response.StatusCode, ToolHttp.RetryAfter(response, time.GetUtcNow()), what);
        }

        return Json(response.Content);
    }

    private static JsonObject? Json(string? content)
    {
        try
        {
            return string.IsNullOrWhiteSpace(content) ? null : JsonNode.Parse(content) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The objects of a Graph list, <c>{"data": [...]}</c>.</summary>
    private static IEnumerable<JsonObject> Items(JsonNode? list) =>
        list is JsonObject { } page && page["data"] is JsonArray data ? data.OfType<JsonObject>() : [];

    private static bool FromPage(JsonObject item, string pageId) => item["from"] is JsonObject from && Text(from["id"]) == pageId;

    /// <summary>True when the item was created before <paramref name="since"/> (Graph writes <c>2026-11-30T12:00:00+0000</c>).</summary>
    private static bool Before(JsonObject item, DateTimeOffset? since) =>
        since is { } bound
        && Text(item["created_time"]) is { } created
        && DateTimeOffset.TryParse(
            created.Length > 5 && created[^5] is '+' or '-' ? created.Insert(created.Length - 2, ":") : created,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var at)
        && at < bound.AddSeconds(-1);

    /// <summary>Texts compare without regard to surrounding space and line-ending style.</summary>
    private static bool Same(string? shown, string text) =>
        shown is not null && shown.Trim().ReplaceLineEndings("\n") == text.Trim().ReplaceLineEndings("\n");

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
