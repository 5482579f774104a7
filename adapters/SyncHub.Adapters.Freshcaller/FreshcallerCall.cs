namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// A call as the Freshcaller API returns it (<c>GET /calls</c>, <c>GET /calls/{id}</c>) and as an integration posts it.
/// <see cref="PhoneNumber"/> is the Freshcaller line; the customer's number is on the <c>Customer</c> participant.
/// </summary>
internal sealed record FreshcallerCall(
    long? Id,
    string? Direction,
    long? ParentCallId,
    long? RootCallId,
    string? PhoneNumber,
    long? AssignedAgentId,
    string? AssignedAgentName,
    string? AssignedTeamName,
    string? AssignedCallQueueName,
    double? BillDuration,
    string? BillDurationUnit,
    DateTimeOffset? CreatedTime,
    DateTimeOffset? UpdatedTime,
    string? CallNotes,
    FreshcallerRecording? Recording,
    IReadOnlyList<FreshcallerParticipant>? Participants);
