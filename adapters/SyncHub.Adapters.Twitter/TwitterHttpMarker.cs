namespace SyncHub.Adapters.Twitter;

/// <summary>Marks that the X HTTP client is registered, so a second <c>Register</c> adds nothing.</summary>
internal sealed class TwitterHttpMarker;
