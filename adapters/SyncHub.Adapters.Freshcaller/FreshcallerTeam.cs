namespace SyncHub.Adapters.Freshcaller;

/// <summary>A team a Freshcaller user belongs to, as the users list shows it.</summary>
internal sealed record FreshcallerTeam(long? Id, string? Name);
