namespace SyncHub.Workflow;

/// <summary>
/// The closed-ticket review the support process asks for: can documentation be improved or created, is it a
/// known or new bug, is it a missing feature (feature request)? Each answer may carry a link.
/// </summary>
public sealed record FollowUp(
    DocumentationOutcome Documentation,
    string? DocumentationLink,
    BugOutcome Bug,
    string? BugLink,
    FeatureOutcome Feature,
    string? FeatureRequestLink,
    string? Note,
    string? By,
    string? IdempotencyKey = null);
