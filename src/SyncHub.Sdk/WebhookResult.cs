using SyncHub.Domain;

namespace SyncHub.Adapters;

/// <summary>
/// What a webhook source made of a request: records to store, a refusal (a status and a problem naming
/// the field), or an immediate answer (a subscription handshake).
/// </summary>
public abstract record WebhookResult
{
    private WebhookResult()
    {
    }

    public static WebhookResult Accept(params IReadOnlyList<IntakeRecord> records) => new Accepted(records);

    public static WebhookResult Reject(int status, string title, string? field = null, string? detail = null) =>
        new Rejected(status, title, field, detail);

    /// <summary>401: the signature or token is wrong or missing.</summary>
    public static WebhookResult Unauthorized(string detail) => new Rejected(401, "Unauthorized", null, detail);

    /// <summary>400: a field is missing or invalid; <paramref name="field"/> names it.</summary>
    public static WebhookResult Invalid(string field, string detail) => new Rejected(400, "Invalid request", field, detail);

    public static WebhookResult Respond(int status, string contentType, string body) => new Immediate(status, contentType, body);

    /// <summary>The request holds these records (possibly none, e.g. an event type that is ignored).</summary>
    public sealed record Accepted(IReadOnlyList<IntakeRecord> Records) : WebhookResult;

    /// <summary>The request is refused; nothing is stored.</summary>
    public sealed record Rejected(int Status, string Title, string? Field, string? Detail) : WebhookResult;

    /// <summary>Answer this and store nothing (a handshake).</summary>
    public sealed record Immediate(int Status, string ContentType, string Body) : WebhookResult;
}
