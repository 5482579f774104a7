using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.JsonFeed;

/// <summary>
/// Polls <c>GET {Url}</c> and turns each item of the JSON list at <c>ItemsPath</c> into a record. With a
/// <c>CursorField</c>, only items whose cursor value is after the committed cursor are handed over, oldest first, at most
/// <c>MaxItemsPerPoll</c> a fetch (never cutting between items that share a value, so none is skipped), and the page's
/// cursor is the newest value handed over. The core commits it once every record is stored.
/// </summary>
public sealed class JsonFeedSource(
    IHttpClientFactory httpClients,
    IOptionsMonitor<JsonFeedOptions> options,
    TimeProvider time,
    ILogger<JsonFeedSource> logger) : IPollingSource
{
    public const string SourceName = "JsonFeed";

    public string Name => SourceName;

    public async Task<IntakePage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var mapper = new JsonFeedMapper(settings);
        using var document = await ReadAsync(settings, mapper.HasCursor ? cursor : null, cancellationToken);
        var items = Items(document.RootElement, settings);

        var now = time.GetUtcNow();
        var read = new List<JsonFeedItem>();
        foreach (var element in items)
        {
            var item = mapper.Map(element, now);
            if (item.Record is null)
            {
                Log.ItemSkipped(logger, item.Skipped!);
            }
            else if (item.Cursor is null || FeedCursor.IsAfter(item.Cursor, cursor))
            {
                read.Add(item);
            }
        }

        if (!mapper.HasCursor)
        {
            Log.FeedRead(logger, items.Count, read.Count, read.Count, false);
            return new IntakePage([.. read.Select(i => i.Record!)], cursor);
        }

        // Oldest first (a stable sort keeps the feed's order among equal values); a page ends after a whole tie group.
        var ordered = read.OrderBy(i => i.Cursor!, Comparer<string>.Create(FeedCursor.Compare)).ToList();
        var take = Math.Min(settings.MaxItemsPerPoll, ordered.Count);
        while (take > 0 && take < ordered.Count && FeedCursor.Compare(ordered[take].Cursor!, ordered[take - 1].Cursor!) == 0)
        {
            take++;
        }

        var page = ordered.Take(take).ToList();
        var hasMore = take < ordered.Count;
        Log.FeedRead(logger, items.Count, ordered.Count, page.Count, hasMore);
        return new IntakePage([.. page.Select(i => i.Record!)], page.Count > 0 ? page[^1].Cursor : cursor, hasMore);
    }

    private async Task<JsonDocument> ReadAsync(JsonFeedOptions settings, string? cursor, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, RequestUri(settings, cursor));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in settings.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var client = httpClients.CreateClient(JsonFeedHttp.ClientName);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new JsonFeedException($"the feed answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            return await JsonDocument.ParseAsync(body, default, linked.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new JsonFeedException($"the feed did not answer within {settings.Timeout} (SyncHub:Adapters:JsonFeed:Timeout)", ex);
        }
        catch (JsonException ex)
        {
            throw new JsonFeedException($"the feed's answer is not JSON: {ex.Message}", ex);
        }
    }

    private static List<JsonElement> Items(JsonElement root, JsonFeedOptions settings)
    {
        var path = JsonPath.Parse(settings.ItemsPath);
        if (!path.TryFind(root, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            throw new JsonFeedException($"{path} in the feed's answer is a JSON {list.ValueKind}, not an array (SyncHub:Adapters:JsonFeed:ItemsPath)");
        }

        return [.. list.EnumerateArray()];
    }

    private static Uri RequestUri(JsonFeedOptions settings, string? cursor)
    {
        var url = settings.Url!;
        if (cursor is null || string.IsNullOrWhiteSpace(settings.CursorParameter))
        {
            return url;
        }

        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        return new Uri($"{url.AbsoluteUri}{separator}{Uri.EscapeDataString(settings.CursorParameter.Trim())}={Uri.EscapeDataString(cursor)}");
    }
}
