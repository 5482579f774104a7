namespace SyncHub.Adapters.Twitter;

/// <summary>An author from <c>includes.users</c> (<c>user.fields=username,name</c>).</summary>
internal sealed record TwitterUser(string? Id, string? Name, string? Username);
