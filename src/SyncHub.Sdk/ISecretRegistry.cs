namespace SyncHub.Adapters;

/// <summary>
/// Tells the hub's logging about a secret an adapter obtains at run time (an access token minted by a refresh, a rotated
/// refresh token), so that no log line carries it, whatever component logs it and at whatever level. Configured secrets
/// are known already. Take it as an optional constructor parameter (<c>ISecretRegistry? secrets = null</c>).
/// </summary>
public interface ISecretRegistry
{
    /// <summary>Masks <paramref name="secret"/> (and its URL-encoded and base64 forms) in every log line from now on.</summary>
    void Add(string secret);
}
