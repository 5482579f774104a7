namespace SyncHub.Host.ApiReference;

/// <summary>The web form as the API reference describes it: the body of <c>/api/intake/web</c> and <c>/api/public/web</c>.</summary>
/// <param name="Name">The requester's name.</param>
/// <param name="Email">The requester's one e-mail address; replies go to it.</param>
/// <param name="Subject">One line.</param>
/// <param name="Message">The request; keeps its line breaks.</param>
/// <param name="Priority">High, Medium or Low; the configured default when missing.</param>
/// <param name="Product">The product the request is about.</param>
/// <param name="ClientVersion">The version of the client the requester runs.</param>
/// <param name="SubmissionId">The form's own id of this submission: a retry with the same id is the same ticket.</param>
internal sealed record WebFormBody(
    string Name,
    string Email,
    string Subject,
    string Message,
    string? Priority,
    string? Product,
    string? ClientVersion,
    string? SubmissionId);
