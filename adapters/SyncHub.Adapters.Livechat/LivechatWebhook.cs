using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.Livechat;

/// <summary>
/// <c>POST /api/intake/livechat</c>: Rocket.Chat's omnichannel webhook. The request must carry the configured secret in
/// <c>X-RocketChat-Livechat-Token</c> (compared in constant time; missing or wrong: 401). A
/// <c>{"type": "LivechatOfflineMessage", "sentAt", "visitor": {"name", "email"}, "message"}</c> becomes one Chat ticket;
/// other event types (closed sessions, queued chats, lead captures...) are answered 200 with no ticket. Rocket.Chat sends
/// no id for an offline message, so the external id is Rocket.Chat's message id when a relay adds one, otherwise a hash of
/// the visitor's e-mail, <c>sentAt</c> and the message: a retried delivery is the same ticket.
/// </summary>
public sealed class LivechatWebhook(IOptionsMonitor<LivechatOptions> options, TimeProvider time, ILogger<LivechatWebhook> logger) : IWebhookSource
{
    public const string SourceName = "Livechat";

    public const string TokenHeader = "X-RocketChat-Livechat-Token";

    public const string OfflineMessageType = "LivechatOfflineMessage";

    private const int MaxNameLength = 200;

    public string Name => SourceName;

    public string Route => "livechat";

    /// <summary>The tool retries anything but 200, so a created ticket is answered 200 as well.</summary>
    public bool AnswersCreatedWith200 => true;

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Secrets.Matches(request.Header(TokenHeader), options.CurrentValue.Secret))
        {
            Log.TokenRefused(logger, request.Header(TokenHeader) is null ? "missing" : "wrong");
            return ValueTask.FromResult(WebhookResult.Unauthorized($"missing or wrong {TokenHeader} header"));
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(WebhookResult.Reject(405, "Method not allowed"));
        }

        return ValueTask.FromResult(Read(request.Body));
    }

    private WebhookResult Read(ReadOnlyMemory<byte> body)
    {
        if (!JsonText.TryParse(body, 32, out var document, out var invalid))
        {
            return invalid;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WebhookResult.Invalid("body", "the body must be a JSON object");
            }

            var type = Text(root, "type");
            if (!string.Equals(type, OfflineMessageType, StringComparison.Ordinal))
            {
                Log.EventIgnored(logger, type ?? "(none)");
                return WebhookResult.Accept();
            }

            return OfflineMessage(root);
        }
    }

    private WebhookResult OfflineMessage(JsonElement root)
    {
        if (!root.TryGetProperty("visitor", out var visitor) || visitor.ValueKind != JsonValueKind.Object)
        {
            return WebhookResult.Invalid("visitor", "is required: the visitor's name and e-mail");
        }

        var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
        if (string.IsNullOrWhiteSpace(message))
        {
            return WebhookResult.Invalid("message", "is required");
        }

        var name = Text(visitor, "name");
        var rawEmail = Text(visitor, "email") ?? FirstAddress(visitor, "visitorEmails");
        if (name is null && rawEmail is null)
        {
            return WebhookResult.Invalid("visitor.email", "the visitor has neither a name nor an e-mail");
        }

        var email = rawEmail is not null && MailAddress.TryCreate(rawEmail, out var address) && address.Address == rawEmail ? rawEmail : null;
        var diagnostics = new Dictionary<string, string>();
        if (rawEmail is not null && email is null)
        {
            diagnostics["visitorEmail"] = rawEmail;
        }

        var department = Department(root);
        if (department is not null)
        {
            diagnostics["department"] = department;
        }

        if (Text(root, "host") is { } host)
        {
            diagnostics["host"] = host;
        }

        var sentAt = Text(root, "sentAt");
        var shownName = name ?? email ?? rawEmail!;
        if (shownName.Length > MaxNameLength)
        {
            shownName = shownName[..MaxNameLength];
        }

        var externalId = Text(root, "_id") ?? Text(root, "messageId") ?? ContentId(rawEmail ?? name!, sentAt, message);
        var record = new IntakeRecord
        {
            Source = SourceName,
            ExternalId = externalId,
            Channel = Channel.Chat,

            // One visitor's offline messages are one conversation: a later one lands on their ticket (and reopens it
            // when it was waiting), or after Closed opens a new ticket linked to it.
            ThreadKey = email is null ? null : VisitorThread(email),
            Requester = new Requester(Name: name, Email: email, Phone: Text(visitor, "phone")),
            Subject = $"Offline message from {shownName}",
            Body = message,
            ReceivedAt = Instant(sentAt) ?? time.GetUtcNow(),
            Diagnostics = diagnostics,
            DepartmentHint = department,
        };
        Log.OfflineMessageRead(logger, externalId, department is not null);
        return WebhookResult.Accept(record);
    }

    /// <summary>The livechat department, sent as a name or id, or as <c>{_id, name}</c>.</summary>
    private static string? Department(JsonElement root)
    {
        if (!root.TryGetProperty("department", out var department))
        {
            return null;
        }

        return department.ValueKind switch
        {
            JsonValueKind.String => Text(root, "department"),
            JsonValueKind.Object => Text(department, "name") ?? Text(department, "_id"),
            _ => null,
        };
    }

    /// <summary>The thread key of a visitor: their e-mail address, in lower case.</summary>
    public static string VisitorThread(string email) => $"livechat:visitor:{email.Trim().ToLowerInvariant()}";

    /// <summary>The first of Rocket.Chat's <c>visitorEmails: [{address}]</c>, the shape its visitor records use.</summary>
    private static string? FirstAddress(JsonElement visitor, string property) =>
        visitor.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => Text(e, "address")).FirstOrDefault(a => a is not null)
            : null;

    /// <summary>A stable id for an offline message: Rocket.Chat retries a failed delivery with the same body.</summary>
    private static string ContentId(string visitor, string? sentAt, string message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{visitor.ToUpperInvariant()}\n{sentAt}\n{message}"));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }

    private static DateTimeOffset? Instant(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant.ToUniversalTime() : null;

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
