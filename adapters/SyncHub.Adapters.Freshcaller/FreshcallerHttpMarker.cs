namespace SyncHub.Adapters.Freshcaller;

/// <summary>Marks that the Freshcaller HTTP client is registered, so a second <c>Register</c> adds nothing.</summary>
internal sealed class FreshcallerHttpMarker;
