using SyncHub.Domain;

namespace SyncHub.Policies;

/// <summary>What the creation policies see: the record, the account found for it, and the creation instant.</summary>
public sealed record TicketContext(IntakeRecord Record, AccountSnapshot? Account, DateTimeOffset Now);
