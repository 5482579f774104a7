namespace SyncHub.Domain;

/// <summary>The CRM account as it was when the ticket was created, so the SLA stamp can be explained later.</summary>
public sealed record AccountSnapshot(string CrmId, string Name, string? Plan, string? Status);
