namespace SyncHub.Host.Endpoints;

/// <summary>The body of <c>POST /api/tickets/{id}/follow-up</c>.</summary>
internal sealed record FollowUpRequest(
    string? Documentation,
    string? DocumentationLink,
    string? Bug,
    string? BugLink,
    string? Feature,
    string? FeatureRequestLink,
    string? Note);
