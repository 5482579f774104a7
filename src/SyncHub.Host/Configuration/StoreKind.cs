namespace SyncHub.Host.Configuration;

/// <summary><c>SyncHub:Store</c>: where tickets live.</summary>
public enum StoreKind
{
    InMemory,
    Redis,
}
