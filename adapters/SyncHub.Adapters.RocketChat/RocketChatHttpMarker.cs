namespace SyncHub.Adapters.RocketChat;

/// <summary>Marks that the Rocket.Chat HTTP client is registered, so a second <c>Register</c> adds nothing.</summary>
internal sealed class RocketChatHttpMarker;
