namespace SyncHub.Adapters.Twitter;

/// <summary>
/// What X answers a post or a direct message with: <c>POST /2/tweets</c> gives <c>{data: {id, text}}</c>,
/// <c>POST /2/dm_conversations/with/:participant_id/messages</c> gives <c>{data: {dm_conversation_id, dm_event_id}}</c>.
/// </summary>
internal sealed record TwitterCreated(string? Id, string? Text, string? DmConversationId, string? DmEventId);
