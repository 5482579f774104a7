using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SyncHub.Adapters.WebForm;

/// <summary>
/// The public mode's checks of one submission, after the host has decoded the body (JSON, URL-encoded or multipart) into
/// fields and checked its origin and the per-address limit: the honeypot (filled: taken for a bot, nothing stored, no
/// sign of it in the answer), the least fill time (the signed <see cref="FormTokens.Field"/>), the captcha, then the same
/// field checks and record as the JSON relay.
/// </summary>
public sealed class PublicFormIntake(
    IOptionsMonitor<WebFormOptions> options,
    FormTokens tokens,
    CaptchaVerifier captcha,
    TimeProvider time,
    IMeterFactory meters,
    ILogger<PublicFormIntake> logger)
{
    /// <summary>The record diagnostic that marks a submission of the public mode.</summary>
    public const string OriginDiagnostic = "formOrigin";

    private readonly AdapterCounter spam = new(meters, "SyncHub.WebForm", "synchub.webform.spam", "{submission}", "Public form submissions taken for a bot, by reason", "reason");

    public PublicFormOptions Settings => options.CurrentValue.Public;

    /// <summary>
    /// The verdict on a submission: a record to store, no record (a bot: answer as if stored), or a refusal naming the field
    /// (503 when the captcha service cannot be asked).
    /// </summary>
    public async Task<WebhookResult> ReadAsync(IReadOnlyDictionary<string, string> fields, string? origin, string? remoteAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var settings = options.CurrentValue;
        var open = settings.Public;
        if (Value(fields, open.HoneypotField) is not null)
        {
            return Spam("honeypot", $"the hidden field '{open.HoneypotField}' was filled", remoteAddress);
        }

        if (open.MinFillTime > TimeSpan.Zero)
        {
            var token = Value(fields, FormTokens.Field);
            var age = tokens.Age(token);
            if (age is null && (token is not null || open.RequireFormToken))
            {
                Log.PublicFormRefused(logger, FormTokens.Field, "missing, expired or not signed by this hub", remoteAddress ?? "-");
                return WebhookResult.Invalid(FormTokens.Field, "the form is missing or has expired: reload the page and send it again");
            }

            if (age < open.MinFillTime)
            {
                spam.Add("too-fast");
                Log.PublicFormRefused(logger, FormTokens.Field, $"sent {age.Value.TotalSeconds:0.0} s after the form was shown", remoteAddress ?? "-");
                return WebhookResult.Invalid(FormTokens.Field, "the form was sent too quickly: wait a moment and send it again");
            }
        }

        if (open.Captcha.Enabled)
        {
            var verdict = await captcha.VerifyAsync(Value(fields, open.Captcha.ResponseField), remoteAddress, cancellationToken);
            if (verdict.Unavailable)
            {
                Log.CaptchaUnavailable(logger, verdict.Reason);
                return WebhookResult.Reject(503, "Captcha check unavailable", "captcha", "the captcha could not be checked; send the form again in a moment");
            }

            if (!verdict.Passed)
            {
                spam.Add("captcha");
                Log.PublicFormRefused(logger, open.Captcha.ResponseField, verdict.Reason, remoteAddress ?? "-");
                return WebhookResult.Invalid(open.Captcha.ResponseField, verdict.Reason);
            }
        }

        var form = new WebFormSubmission(
            Value(fields, "name"),
            Value(fields, "email"),
            Value(fields, "subject"),
            Value(fields, "message") ?? Value(fields, "description"),
            Value(fields, "priority"),
            Value(fields, "product"),
            Value(fields, "clientVersion") ?? Value(fields, "client_version"),
            Value(fields, "submissionId"));
        var extra = new Dictionary<string, string> { [OriginDiagnostic] = origin ?? "none" };
        return WebFormMapper.Map(form, settings, time.GetUtcNow(), extra);
    }

    private WebhookResult Spam(string reason, string detail, string? remoteAddress)
    {
        spam.Add(reason);
        Log.PublicFormSpam(logger, reason, detail, remoteAddress ?? "-");
        return WebhookResult.Accept();
    }

    private static string? Value(IReadOnlyDictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
