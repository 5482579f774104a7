using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using SyncHub.Agents;
using SyncHub.Host.Configuration;

namespace SyncHub.Host.Auth;

/// <summary>
/// Every key that opens the API, as SHA-256 hashes: the agents' personal keys (<c>SyncHub:Agents:&lt;id&gt;:KeyHash</c>), the
/// named service keys (<c>SyncHub:Api:Services</c>) and the plain ones (<c>SyncHub:Api:Keys</c>). A given key is hashed and
/// compared with every one of them in constant time, so neither the answer's time nor its content tells how close it came.
/// </summary>
internal sealed class Credentials
{
    /// <summary>The service name the history records for a key of the plain <c>SyncHub:Api:Keys</c> list.</summary>
    public const string PlainServiceName = "api-key";

    private readonly (byte[] Hash, Actor Actor)[] entries;

    public Credentials(IOptions<ApiOptions> api, IOptions<AgentsOptions> agents, IAgentDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentNullException.ThrowIfNull(directory);
        var all = new List<(byte[], Actor)>();
        foreach (var (id, settings) in agents.Value)
        {
            if (KeyHash.TryParse(settings.KeyHash, out var hash) && directory.Find(id.Trim()) is { } agent)
            {
                all.Add((hash, Actor.For(agent)));
            }
        }

        foreach (var (name, service) in api.Value.Services)
        {
            if (KeyHash.TryParse(service.KeyHash, out var hash))
            {
                all.Add((hash, Actor.Service(name.Trim())));
            }
        }

        foreach (var key in api.Value.Keys.Where(k => k.Trim().Length > 0))
        {
            all.Add((KeyHash.Bytes(key.Trim()), Actor.Service(PlainServiceName)));
        }

        entries = [.. all];
    }

    /// <summary>Who <paramref name="key"/> belongs to, or null. Compares with every configured hash, whatever matches first.</summary>
    public Actor? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var given = KeyHash.Bytes(key);
        Actor? found = null;
        foreach (var (hash, actor) in entries)
        {
            if (CryptographicOperations.FixedTimeEquals(given, hash))
            {
                found ??= actor;
            }
        }

        return key.Length == 0 ? null : found;
    }
}
