using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.Facebook;

/// <summary>
/// <c>GET,POST /api/intake/facebook</c>: the Graph API webhook of the support page. A GET is Facebook's subscription
/// handshake: <c>hub.mode=subscribe</c> with the configured verify token is answered 200 with <c>hub.challenge</c> as
/// text, anything else 403. A POST must carry <c>X-Hub-Signature-256</c>, the HMAC-SHA256 of the raw body keyed with the
/// app secret (compared in constant time; missing or forged: 401); its messages and feed comments become records. With a
/// page access token a Messenger sender's name is read from the User Profile API (see <see cref="FacebookProfiles"/>).
/// Notifications of another object (instagram, user...) are answered 200 and counted in <c>synchub.facebook.ignored</c>.
/// </summary>
/// <param name="httpClients">The Graph API client factory, registered with the page access token; without it no name is read.</param>
public sealed class FacebookWebhook(
    IOptionsMonitor<FacebookOptions> options,
    TimeProvider time,
    ILogger<FacebookWebhook> logger,
    IMeterFactory meterFactory,
    IHttpClientFactory? httpClients = null) : IWebhookSource
{
    /// <summary>The adapter's meter; <see cref="IgnoredCounter"/> counts notifications of objects other than page, by kind.</summary>
    public const string MeterName = "SyncHub.Facebook";

    public const string IgnoredCounter = "synchub.facebook.ignored";

    private readonly AdapterCounter ignoredObjects = new(meterFactory, MeterName, IgnoredCounter, "{notification}", "Webhook notifications of an object other than page (instagram, user, permissions...), acknowledged and not taken, by kind.", "kind");
    private readonly FacebookProfiles? profiles = httpClients is null ? null : new(httpClients, time, logger);

    public string Name => FacebookEventMapper.SourceName;

    public string Route => "facebook";

    /// <summary>The tool retries anything but 200, so a created ticket is answered 200 as well.</summary>
    public bool AnswersCreatedWith200 => true;

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        return request.Method.ToUpperInvariant() switch
        {
            "GET" => ValueTask.FromResult(Handshake(request, settings)),
            "POST" => NotificationAsync(request, settings, cancellationToken),
            _ => ValueTask.FromResult(WebhookResult.Reject(405, "Method not allowed")),
        };
    }

    private async ValueTask<WebhookResult> NotificationAsync(WebhookRequest request, FacebookOptions settings, CancellationToken cancellationToken)
    {
        var result = Notification(request, settings);
        if (profiles is null || !settings.SendsReplies || result is not WebhookResult.Accepted { Records.Count: > 0 } accepted)
        {
            return result;
        }

        var records = new List<IntakeRecord>(accepted.Records.Count);
        foreach (var record in accepted.Records)
        {
            records.Add(await NamedAsync(record, settings, cancellationToken));
        }

        return WebhookResult.Accept(records);
    }

    /// <summary>A Messenger record with the sender's name from the profile (requester and reply destination), or as it was.</summary>
    private async ValueTask<IntakeRecord> NamedAsync(IntakeRecord record, FacebookOptions settings, CancellationToken cancellationToken)
    {
        if (record.Requester is not { Name: null, Handle: { } senderId } requester
            || !record.Diagnostics.TryGetValue("kind", out var kind)
            || kind != "message"
            || await profiles!.NameAsync(senderId, settings, cancellationToken) is not { } name)
        {
            return record;
        }

        return record with
        {
            Requester = requester with { Name = name },
            ReplyRoute = record.ReplyRoute is { } route ? route with { Destination = FacebookReplyRoutes.MessengerDestination(name) } : null,
        };
    }

    private WebhookResult Handshake(WebhookRequest request, FacebookOptions settings)
    {
        var mode = request.QueryValue("hub.mode");
        if (!string.Equals(mode, "subscribe", StringComparison.Ordinal) || !Secrets.Matches(request.QueryValue("hub.verify_token"), settings.VerifyToken))
        {
            Log.HandshakeRefused(logger, mode ?? "(none)");
            return WebhookResult.Reject(403, "Forbidden", detail: "hub.mode must be subscribe and hub.verify_token the configured verify token");
        }

        if (request.QueryValue("hub.challenge") is not { Length: > 0 } challenge)
        {
            return WebhookResult.Invalid("hub.challenge", "is required");
        }

        Log.HandshakeAccepted(logger);
        return WebhookResult.Respond(200, "text/plain", challenge);
    }

    private WebhookResult Notification(WebhookRequest request, FacebookOptions settings)
    {
        if (!FacebookSignature.IsValid(request.Header(FacebookSignature.Header), request.Body.Span, settings.AppSecret))
        {
            Log.SignatureRefused(logger, request.Header(FacebookSignature.Header) is null ? "missing" : "wrong");
            return WebhookResult.Unauthorized($"missing or wrong {FacebookSignature.Header} signature");
        }

        if (JsonText.Problem(request.Body.Span) is { } problem)
        {
            return WebhookResult.Invalid("body", problem);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(request.Body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return WebhookResult.Invalid("body", "the body is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WebhookResult.Invalid("body", "the body must be a JSON object");
            }

            var kind = FacebookJson.Text(root, "object");
            if (kind != "page")
            {
                // Another subscription of the same app (instagram, user, permissions...): acknowledged, nothing to store.
                Log.EventIgnored(logger, $"object {kind ?? "(none)"}");
                ignoredObjects.Add(kind);
                return WebhookResult.Accept();
            }

            if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                return WebhookResult.Invalid("entry", "is required: the array of page entries");
            }

            var records = new FacebookEventMapper(settings, time.GetUtcNow(), logger).Map(root);
            Log.NotificationRead(logger, entries.GetArrayLength(), records.Count);
            return WebhookResult.Accept(records);
        }
    }
}
