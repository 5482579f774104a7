using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// <c>POST /api/intake/freshcaller</c>: a call posted by the operator's Freshcaller integration (a Freshworks app on
/// <c>onCallUpdate</c>, an automation, or a relay). Freshcaller signs nothing, so the sender must carry the configured
/// <see cref="FreshcallerOptions.WebhookSecret"/> in <see cref="FreshcallerOptions.WebhookSecretHeader"/>; it is
/// compared in constant time and anything else is refused with 401. The body is a call as the API shows it, bare or as
/// <c>{"call": {...}}</c>, <c>{"calls": [...]}</c>, or a product-event payload <c>{"data": {"call": {...}}}</c>. The
/// records are those the poller makes of the same calls, so a call that arrives both ways becomes one ticket.
/// </summary>
public sealed class FreshcallerWebhook(IOptionsMonitor<FreshcallerOptions> options, TimeProvider time, ILogger<FreshcallerWebhook> logger) : IWebhookSource
{
    public string Name => FreshcallerCallMapper.SourceName;

    public string Route => "freshcaller";

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        if (string.IsNullOrEmpty(settings.WebhookSecret))
        {
            Log.WebhookRefused(logger, "no webhook secret is configured");
            return ValueTask.FromResult(WebhookResult.Unauthorized("the Freshcaller webhook is not configured with a secret"));
        }

        if (!Secrets.Matches(request.Header(settings.WebhookSecretHeader), settings.WebhookSecret))
        {
            Log.WebhookRefused(logger, "missing or wrong secret header");
            return ValueTask.FromResult(WebhookResult.Unauthorized($"missing or wrong {settings.WebhookSecretHeader} header"));
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(WebhookResult.Reject(405, "Method not allowed"));
        }

        return ValueTask.FromResult(Read(request.Body, settings.CustomerSummaryMarker));
    }

    private WebhookResult Read(ReadOnlyMemory<byte> body, string? summaryMarker)
    {
        if (!JsonText.TryParse(body, 32, out var document, out var invalid))
        {
            return invalid;
        }

        using (document)
        {
            if (Calls(document.RootElement) is not { } elements)
            {
                return WebhookResult.Invalid("call", "the body holds no Freshcaller call (expected a call, {\"call\": ...}, {\"calls\": [...]} or {\"data\": {\"call\": ...}})");
            }

            var records = new List<IntakeRecord>();
            foreach (var element in elements)
            {
                FreshcallerCall? call;
                try
                {
                    call = element.Deserialize<FreshcallerCall>(FreshcallerJson.Options);
                }
                catch (JsonException ex)
                {
                    return WebhookResult.Invalid(Field(ex.Path), "has the wrong type");
                }

                if (call?.Id is null)
                {
                    return WebhookResult.Invalid("id", "is required: the Freshcaller call id");
                }

                records.Add(FreshcallerCallMapper.ToRecord(call, time.GetUtcNow(), summaryMarker));
            }

            return WebhookResult.Accept([.. records.DistinctBy(r => r.ExternalId)]);
        }
    }

    /// <summary>The call objects in the shapes an integration may post, or null when there is none.</summary>
    private static List<JsonElement>? Calls(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (Object(root, "call") is { } call)
        {
            return [call];
        }

        if (root.TryGetProperty("calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
        {
            var list = calls.EnumerateArray().ToList();
            return list.Count > 0 && list.All(c => c.ValueKind == JsonValueKind.Object) ? list : null;
        }

        if (Object(root, "data") is { } data && (Object(data, "call") ?? Object(data, "phone_call")) is { } eventCall)
        {
            return [eventCall];
        }

        return root.TryGetProperty("id", out _) ? [root] : null;
    }

    private static JsonElement? Object(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "call" : path.TrimStart('$', '.');
}
