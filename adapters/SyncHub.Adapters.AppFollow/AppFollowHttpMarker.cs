namespace SyncHub.Adapters.AppFollow;

/// <summary>Marks that the AppFollow HTTP clients are registered, so a second <c>Register</c> adds nothing.</summary>
internal sealed class AppFollowHttpMarker;
