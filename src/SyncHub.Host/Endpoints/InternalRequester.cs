namespace SyncHub.Host.Endpoints;

/// <summary>Who the internal request is for (optional: defaults to the agent).</summary>
internal sealed record InternalRequester(string? Name, string? Email, string? Phone);
