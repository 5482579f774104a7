namespace SyncHub.Policies;

/// <summary>A policy's answer and the reason, which goes to the ticket's history.</summary>
public sealed record PolicyDecision<T>(T Value, string Reason);
