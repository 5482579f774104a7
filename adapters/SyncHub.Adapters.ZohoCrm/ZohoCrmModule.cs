using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// Registers the Zoho CRM account source (<c>SyncHub:Adapters:ZohoCrm</c>): validated options, the poll target
/// that syncs Accounts and Contacts into the account directory, and the HTTP clients of the accounts server
/// (OAuth) and the CRM API with their resilience pipelines. Idempotent.
/// </summary>
public sealed class ZohoCrmModule : IAdapterModule
{
    public const string AdapterName = "ZohoCrm";

    public string Name => AdapterName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.AddAccountSource<ZohoCrmSource, ZohoCrmOptions>(section);

        hub.Services.TryAddSingleton<ZohoOAuthClient>();
        hub.Services.TryAddSingleton<ZohoTokenProvider>();
        hub.Services.TryAddSingleton<ZohoCrmApiClient>();
        foreach (var name in new[] { ZohoHttp.AccountsClientName, ZohoHttp.ApiClientName })
        {
            hub.AddToolHttpClient<ZohoCrmOptions>(name, o => new HttpRetrySettings(o.Timeout, o.MaxRetryAttempts, o.RetryDelay, o.MaxRetryAfter), ["Authorization"]);
        }
    }
}
