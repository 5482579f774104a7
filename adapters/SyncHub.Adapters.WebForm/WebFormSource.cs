using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.WebForm;

/// <summary>
/// <c>POST /api/intake/web</c>: a support-portal or website form submission becomes one Web ticket. The
/// form's <c>submissionId</c> is the external id (a hash of sender, subject and message when it sends none),
/// so a resubmitted form gives the same ticket.
/// </summary>
public sealed class WebFormSource(IOptionsMonitor<WebFormOptions> options, TimeProvider time) : IWebhookSource
{
    public const string SourceName = "WebForm";

    private const int MaxNameLength = 200;
    private const int MaxEmailLength = 320;
    private const int MaxSubjectLength = 500;
    private const int MaxShortField = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 8,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    public string Name => SourceName;

    public string Route => "web";

    public string? ExampleRequest(Uri url) =>
        $"curl -i -X POST {url} -H 'Authorization: Bearer {options.CurrentValue.Token}' -H 'Content-Type: application/json' " +
        "-d '{\"name\":\"Ana Souza\",\"email\":\"ana@example.com\",\"subject\":\"Cannot log in\",\"message\":\"The desktop app says my password is wrong.\",\"priority\":\"Medium\",\"clientVersion\":\"6.4.1\",\"submissionId\":\"demo-1\"}'";

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        if (!BearerToken.Matches(request.Header("Authorization"), settings.Token))
        {
            return ValueTask.FromResult(WebhookResult.Unauthorized("missing or wrong bearer token"));
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(WebhookResult.Reject(405, "Method not allowed"));
        }

        return ValueTask.FromResult(Read(request.Body, settings));
    }

    private WebhookResult Read(ReadOnlyMemory<byte> body, WebFormOptions settings)
    {
        WebFormSubmission? form;
        try
        {
            form = JsonSerializer.Deserialize<WebFormSubmission>(body.Span, Json);
        }
        catch (JsonException ex)
        {
            return WebhookResult.Invalid(string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.'), "the body is not a valid JSON form submission");
        }

        if (form is null)
        {
            return WebhookResult.Invalid("body", "the body must be a JSON object");
        }

        var problem = Required("name", form.Name, MaxNameLength)
            ?? Required("email", form.Email, MaxEmailLength)
            ?? Required("subject", form.Subject, MaxSubjectLength)
            ?? Required("message", form.Message, settings.MaxMessageLength)
            ?? Optional("product", form.Product)
            ?? Optional("clientVersion", form.ClientVersion)
            ?? Optional("submissionId", form.SubmissionId);
        if (problem is not null)
        {
            return problem;
        }

        if (!MailAddress.TryCreate(form.Email!.Trim(), out var address) || address.Address != form.Email.Trim())
        {
            return WebhookResult.Invalid("email", "must be an e-mail address");
        }

        Priority? priority = null;
        if (!string.IsNullOrWhiteSpace(form.Priority))
        {
            if (!EnumNames.TryParse<Priority>(form.Priority, out var parsed))
            {
                return WebhookResult.Invalid("priority", "must be High, Medium or Low");
            }

            priority = parsed;
        }

        var diagnostics = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(form.ClientVersion))
        {
            diagnostics["clientVersion"] = form.ClientVersion.Trim();
        }

        if (!string.IsNullOrWhiteSpace(form.Product))
        {
            diagnostics["product"] = form.Product.Trim();
        }

        var record = new IntakeRecord
        {
            Source = SourceName,
            ExternalId = string.IsNullOrWhiteSpace(form.SubmissionId) ? ContentId(address.Address, form.Subject!, form.Message!) : form.SubmissionId.Trim(),
            Channel = Channel.Web,
            Requester = new Requester(form.Name!.Trim(), address.Address),
            Subject = form.Subject!.Trim(),
            Body = form.Message!,
            ReceivedAt = time.GetUtcNow(),
            Diagnostics = diagnostics,
            PriorityHint = priority,
            Product = form.Product?.Trim(),
        };
        return WebhookResult.Accept(record);
    }

    private static WebhookResult? Required(string field, string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? WebhookResult.Invalid(field, "is required")
        : value.Length > maxLength ? WebhookResult.Invalid(field, $"is longer than {maxLength} characters")
        : null;

    private static WebhookResult? Optional(string field, string? value) =>
        value is { Length: > MaxShortField } ? WebhookResult.Invalid(field, $"is longer than {MaxShortField} characters") : null;

    /// <summary>A stable id for a form that sends no submission id: the same form content is the same request.</summary>
    private static string ContentId(string email, string subject, string message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{email.ToUpperInvariant()}\n{subject.Trim()}\n{message.Trim()}"));
        return "sha256:" + Convert.ToHexStringLower(hash);
    }
}
