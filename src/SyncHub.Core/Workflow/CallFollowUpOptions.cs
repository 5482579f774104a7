using System.ComponentModel.DataAnnotations;

namespace SyncHub.Workflow;

/// <summary>
/// <c>SyncHub:CallFollowUp</c>: the short e-mail a hotline caller gets after the call. <see cref="Subject"/> and
/// <see cref="Body"/> take <c>{number}</c> (the ticket number), <c>{subject}</c>, <c>{summary}</c> and <c>{name}</c>.
/// <c>{summary}</c> is the customer-facing summary the agent marked in the call notes
/// (<see cref="Domain.CallDiagnostics.CustomerSummary"/>), else <see cref="Summary"/> filled in; never the agent's
/// internal notes, which stay the ticket's body.
/// </summary>
public sealed class CallFollowUpOptions : IValidatableObject
{
    public const string SectionName = "SyncHub:CallFollowUp";

    public bool Enabled { get; set; } = true;

    public string Subject { get; set; } = "We received your call: {subject}";

    public string Body { get; set; } =
        "Hello {name},\n\nThank you for calling our support hotline. We opened ticket #{number} for it.\n\n" +
        "About your call:\n{summary}\n\n" +
        "To add anything, reply to this e-mail and keep [#{number}] in the subject; your answer goes to the same ticket.\n\n" +
        "The support team";

    /// <summary>
    /// The summary sent when the agent marked none in the notes. Takes <c>{date}</c> (when the call came in, in
    /// <see cref="TimeZone"/>, e.g. <c>7 Dec 2026, 09:15</c>), <c>{duration}</c> (its length, e.g. <c>3 min 4 s</c>;
    /// empty when unknown), <c>{agent}</c> (the agent's name, else "our support agent"), <c>{number}</c> and
    /// <c>{name}</c>.
    /// </summary>
    [Required]
    public string Summary { get; set; } = "Our support agent took your call on {date} and opened this ticket for it. We will write to you here as soon as we have news.";

    /// <summary>The time zone <c>{date}</c> is shown in (IANA id, e.g. <c>America/Sao_Paulo</c>).</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out _))
        {
            yield return new ValidationResult($"'{TimeZone}' is not a known time zone id (e.g. America/Sao_Paulo)", [nameof(TimeZone)]);
        }
    }
}
