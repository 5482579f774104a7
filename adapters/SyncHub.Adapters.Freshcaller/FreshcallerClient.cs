using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// The typed client of the Freshcaller API: <c>GET {BaseUrl}/calls</c> with <c>X-Api-Auth</c>, paged by
/// <c>page</c>/<c>per_page</c> and filtered by <c>by_time[from]</c>/<c>by_time[to]</c>, and <c>GET {BaseUrl}/users</c>
/// (the agents and their availability). Transient failures are retried by
/// the HTTP client's resilience pipeline; what is left surfaces as a <see cref="FreshcallerException"/>, a refused key as
/// a <see cref="FreshcallerAuthenticationException"/>.
/// </summary>
internal sealed class FreshcallerClient(IHttpClientFactory httpClients, FreshcallerOptions settings, TimeProvider time, ILogger logger)
{
    public async Task<FreshcallerCallsPage> GetCallsAsync(DateTimeOffset from, DateTimeOffset to, int page, int pageSize, CancellationToken cancellationToken)
    {
        using var client = FreshcallerHttp.CreateRestClient(httpClients, BaseUrl(settings));
        var request = PageRequest("calls", page, pageSize)
            .AddQueryParameter("by_time[from]", Format(from))
            .AddQueryParameter("by_time[to]", Format(to));
        return Read(await GetAsync(client, request, cancellationToken), page);
    }

    /// <summary>Every user of the account (<c>GET /users</c>, all pages, <see cref="UsersPageSize"/> a page).</summary>
    public async Task<IReadOnlyList<FreshcallerUser>> GetUsersAsync(CancellationToken cancellationToken)
    {
        using var client = FreshcallerHttp.CreateRestClient(httpClients, BaseUrl(settings));
        var users = new List<FreshcallerUser>();
        for (var page = 1; page <= MaxUsersPages; page++)
        {
            var response = await GetAsync(client, PageRequest("users", page, UsersPageSize), cancellationToken);
            FreshcallerUsersAnswer? answer;
            try
            {
                answer = string.IsNullOrWhiteSpace(response.Content)
                    ? null
                    : JsonSerializer.Deserialize<FreshcallerUsersAnswer>(response.Content, FreshcallerJson.Options);
            }
            catch (JsonException ex)
            {
                throw new FreshcallerException($"Freshcaller answered GET /users with a body that is not a users list: {ex.Message}", ex);
            }

            if (answer?.Users is null)
            {
                throw new FreshcallerException("Freshcaller answered GET /users without a users list");
            }

            users.AddRange(answer.Users);
            if (answer.Meta?.TotalPages is not { } totalPages || page >= totalPages || answer.Users.Count == 0)
            {
                return users;
            }
        }

        throw new FreshcallerException($"Freshcaller's users list has more than {MaxUsersPages} pages");
    }

    /// <summary>Users read per page of <c>GET /users</c>.</summary>
    public const int UsersPageSize = 100;

    private const int MaxUsersPages = 100;

    /// <summary>A <c>GET {resource}?page=..&amp;per_page=..</c> with the API key.</summary>
    private RestRequest PageRequest(string resource, int page, int pageSize) =>
        new RestRequest(resource)
            .AddHeader(FreshcallerHttp.ApiKeyHeader, settings.ApiKey)
            .AddHeader("Accept", "application/json")
            .AddQueryParameter("page", page.ToString(CultureInfo.InvariantCulture))
            .AddQueryParameter("per_page", pageSize.ToString(CultureInfo.InvariantCulture));

    /// <summary>Sends <paramref name="request"/>; anything but a 200 becomes a <see cref="FreshcallerException"/>.</summary>
    private async Task<RestResponse> GetAsync(RestClient client, RestRequest request, CancellationToken cancellationToken)
    {
        var call = $"GET /{request.Resource}";
        var response = await client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ResponseStatus != ResponseStatus.Completed)
        {
            throw new FreshcallerException(
                $"Freshcaller did not answer {call} ({response.ResponseStatus}): {response.ErrorException?.Message ?? response.ErrorMessage}",
                response.ErrorException);
        }

        return response.StatusCode == HttpStatusCode.OK ? response : throw Failure(response, call);
    }

    /// <summary>The API root with a trailing slash, so <c>calls</c> resolves under <c>/api/v1/</c>.</summary>
    private static Uri BaseUrl(FreshcallerOptions settings)
    {
        var root = settings.BaseUrl ?? throw new FreshcallerException("SyncHub:Adapters:Freshcaller:BaseUrl is not configured");
        return root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
    }

    /// <summary>ISO 8601 UTC to the second, the form Freshcaller's <c>by_time</c> filter takes.</summary>
    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static FreshcallerCallsPage Read(RestResponse response, int page)
    {
        FreshcallerCallsAnswer? answer;
        try
        {
            answer = string.IsNullOrWhiteSpace(response.Content)
                ? null
                : JsonSerializer.Deserialize<FreshcallerCallsAnswer>(response.Content, FreshcallerJson.Options);
        }
        catch (JsonException ex)
        {
            throw new FreshcallerException($"Freshcaller answered GET /calls with a body that is not a calls list: {ex.Message}", ex);
        }

        if (answer is null)
        {
            throw new FreshcallerException("Freshcaller answered GET /calls with an empty body");
        }

        var (calls, unreadable) = Calls(answer.Calls ?? []);
        if (answer.Meta is not { TotalPages: { } totalPages })
        {
            // Without paging information more pages may wait: refuse rather than risk skipping calls.
            return calls.Count + unreadable.Count == 0
                ? new FreshcallerCallsPage(calls, page, 0, 0, unreadable)
                : throw new FreshcallerException("Freshcaller answered GET /calls without meta.total_pages");
        }

        return new FreshcallerCallsPage(calls, answer.Meta.Current ?? page, totalPages, answer.Meta.TotalCount ?? -1, unreadable);
    }

    /// <summary>
    /// Reads each call of the page on its own: a call with a field of the wrong type (or without an id) is set aside
    /// with the reason instead of failing the whole page, which would stop the poll at this page for ever.
    /// </summary>
    private static (List<FreshcallerCall> Calls, List<FreshcallerUnreadableCall> Unreadable) Calls(IReadOnlyList<JsonElement> elements)
    {
        var calls = new List<FreshcallerCall>(elements.Count);
        var unreadable = new List<FreshcallerUnreadableCall>();
        foreach (var element in elements)
        {
            string? problem;
            try
            {
                var call = element.ValueKind == JsonValueKind.Object ? element.Deserialize<FreshcallerCall>(FreshcallerJson.Options) : null;
                problem = call switch
                {
                    null => $"the call is a JSON {element.ValueKind}, not an object",
                    { Id: null } => "the call has no id",
                    _ => null,
                };
                if (problem is null)
                {
                    calls.Add(call!);
                    continue;
                }
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
            {
                problem = ex is JsonException { Path: { } path } ? $"{path} has the wrong type" : $"{ex.GetType().Name}: {ex.Message}";
            }

            unreadable.Add(new FreshcallerUnreadableCall(IdOf(element), CreatedOf(element), problem, element.GetRawText()));
        }

        return (calls, unreadable);
    }

    /// <summary>
    /// The raw <c>id</c> of a call that could not be read, when it is a short number or a short string of letters,
    /// digits, <c>-</c> and <c>_</c> (nothing else of a broken call reaches the log).
    /// </summary>
    private static string IdOf(JsonElement call)
    {
        if (call.ValueKind != JsonValueKind.Object || !call.TryGetProperty("id", out var id))
        {
            return "(none)";
        }

        var raw = id.ValueKind is JsonValueKind.Number or JsonValueKind.String ? id.GetRawText().Trim('"') : "";
        return raw.Length is > 0 and <= 64 && raw.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? raw
            : "(unreadable)";
    }

    private static DateTimeOffset? CreatedOf(JsonElement call) =>
        call.ValueKind == JsonValueKind.Object
        && call.TryGetProperty("created_time", out var created)
        && created.ValueKind == JsonValueKind.String
        && created.TryGetDateTimeOffset(out var instant)
            ? instant
            : null;

    private FreshcallerException Failure(RestResponse response, string call)
    {
        var (errorType, message) = Error(response.Content);
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            Log.Unauthorized(logger, status);
            return new FreshcallerAuthenticationException(
                response.StatusCode == HttpStatusCode.Unauthorized
                    ? $"Freshcaller refused the API key (HTTP 401 {errorType ?? "unauthenticated"}): check SyncHub:Adapters:Freshcaller:ApiKey and :BaseUrl"
                    : $"Freshcaller refused {call} (HTTP 403 {errorType ?? "forbidden"}): the API key's user needs the right to view calls and users",
                response.StatusCode,
                errorType);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = ToolHttp.RetryAfter(response, time.GetUtcNow());
            return new FreshcallerException(
                $"Freshcaller is rate limiting {call} (HTTP 429{(retryAfter is { } wait ? $", Retry-After {wait.TotalSeconds:0}s" : "")}) after retries",
                response.StatusCode,
                errorType)
            {
                RetryAfter = retryAfter,
            };
        }

        return new FreshcallerException(
            $"Freshcaller answered {call} with HTTP {status}{(errorType is null ? "" : $" {errorType}")}{(message is null ? "" : $": {message}")}",
            response.StatusCode,
            errorType);
    }

    /// <summary>Freshcaller's error body: <c>{"error_type": ..., "message": ..., "errors": [...]}</c>.</summary>
    private static (string? ErrorType, string? Message) Error(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? (Text(root, "error_type"), Text(root, "message"))
                : (null, null);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
