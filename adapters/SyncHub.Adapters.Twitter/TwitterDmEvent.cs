namespace SyncHub.Adapters.Twitter;

/// <summary>
/// A direct-message event of <c>GET /2/dm_events</c> with the fields the adapter asks for
/// (<c>dm_event.fields=id,text,event_type,dm_conversation_id,created_at,sender_id,participant_ids</c>).
/// </summary>
internal sealed record TwitterDmEvent(
    string? Id,
    string? Text,
    string? EventType,
    string? DmConversationId,
    DateTimeOffset? CreatedAt,
    string? SenderId,
    IReadOnlyList<string>? ParticipantIds);
