using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using SyncHub.Domain;

namespace SyncHub.Adapters.WebForm;

/// <summary>
/// Checks a form's fields and makes its record, the same for the JSON relay and the public form: required fields, lengths,
/// the e-mail address, the priority; the form's <c>submissionId</c> is the external id (a hash of sender, subject and
/// message when it sends none), so a resubmitted form gives the same ticket.
/// </summary>
internal static class WebFormMapper
{
    private const int MaxNameLength = 200;
    private const int MaxEmailLength = 320;
    private const int MaxSubjectLength = 500;
    private const int MaxShortField = 200;

    public static WebhookResult Map(WebFormSubmission form, WebFormOptions settings, DateTimeOffset now, IReadOnlyDictionary<string, string>? extra = null)
    {
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

        // UTF-8 given as the display-name encoding (there is no display name; the one-argument form looks up "utf-8" by
        // name, which, with the code-pages provider registered, allocated a table on every form).
        var email = form.Email!.Trim();
        if (!MailAddress.TryCreate(email, displayName: null, Encoding.UTF8, out var address) || address.Address != email)
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

        if (extra is not null)
        {
            foreach (var (key, value) in extra)
            {
                diagnostics[key] = value;
            }
        }

        var record = new IntakeRecord
        {
            Source = WebFormSource.SourceName,
            ExternalId = string.IsNullOrWhiteSpace(form.SubmissionId) ? ContentId(address.Address, form.Subject!, form.Message!) : form.SubmissionId.Trim(),
            Channel = Channel.Web,
            Requester = new Requester(form.Name!.Trim(), address.Address),
            Subject = form.Subject!.Trim(),
            Body = form.Message!,
            ReceivedAt = now,
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
