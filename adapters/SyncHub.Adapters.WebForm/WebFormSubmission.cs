namespace SyncHub.Adapters.WebForm;

/// <summary>The form's JSON body: <c>{name, email, subject, message, priority?, product?, clientVersion?, submissionId?}</c>.</summary>
internal sealed record WebFormSubmission(
    string? Name,
    string? Email,
    string? Subject,
    string? Message,
    string? Priority,
    string? Product,
    string? ClientVersion,
    string? SubmissionId);
