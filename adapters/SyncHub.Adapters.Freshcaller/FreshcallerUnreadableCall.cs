namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// A call of a page that could not be read as a call (a field of the wrong type, no id): its <c>id</c> and
/// <c>created_time</c> as far as they could be read, why it was refused, and the call's JSON as Freshcaller sent it.
/// </summary>
internal sealed record FreshcallerUnreadableCall(string Id, DateTimeOffset? CreatedTime, string Reason, string Json);
