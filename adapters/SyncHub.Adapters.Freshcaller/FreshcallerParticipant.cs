namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// One leg of a call: <see cref="ParticipantType"/> is <c>Customer</c> (the caller or callee outside), <c>Agent</c>,
/// or another kind. <see cref="CallStatus"/> is Freshcaller's numeric leg status (1: answered/completed).
/// </summary>
internal sealed record FreshcallerParticipant(
    long? Id,
    string? CallerNumber,
    string? CallerName,
    string? ParticipantType,
    int? CallStatus,
    double? Duration,
    string? DurationUnit);
