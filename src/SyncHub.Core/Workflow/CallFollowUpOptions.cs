namespace SyncHub.Workflow;

/// <summary>
/// <c>SyncHub:CallFollowUp</c>: the short e-mail a hotline caller gets after the call. Templates take
/// <c>{number}</c> (the ticket number), <c>{subject}</c>, <c>{summary}</c> (the call notes) and <c>{name}</c>.
/// </summary>
public sealed class CallFollowUpOptions
{
    public const string SectionName = "SyncHub:CallFollowUp";

    public bool Enabled { get; set; } = true;

    public string Subject { get; set; } = "We received your call: {subject}";

    public string Body { get; set; } =
        "Hello {name},\n\nThank you for calling our support hotline. We opened ticket #{number} for it.\n\n" +
        "What you reported:\n{summary}\n\n" +
        "To add anything, reply to this e-mail and keep [#{number}] in the subject; your answer goes to the same ticket.\n\n" +
        "The support team";
}
