using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// The Zoho CRM account source, bound from <c>SyncHub:Adapters:ZohoCrm</c>. The OAuth client (a Self Client or
/// server-based client of the Zoho API console) needs read scopes on the synced modules, e.g.
/// <c>ZohoCRM.modules.accounts.READ,ZohoCRM.modules.contacts.READ</c>.
/// </summary>
public sealed partial class ZohoCrmOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The API domain of Zoho's US data centre.</summary>
    public static readonly Uri DefaultBaseUrl = ZohoDataCenters.ApiDomain(ZohoDataCenter.US);

    /// <summary>The accounts server (OAuth) of Zoho's US data centre.</summary>
    public static readonly Uri DefaultAccountsUrl = ZohoDataCenters.AccountsUrl(ZohoDataCenter.US);

    public const int MaxPageSize = 200;

    /// <summary>
    /// The data centre of the CRM account: picks the accounts server (unless <see cref="AccountsUrl"/> is set) and
    /// the API domain used before the first token answer. Default <see cref="ZohoDataCenter.US"/>.
    /// </summary>
    public ZohoDataCenter DataCenter { get; set; } = ZohoDataCenter.US;

    /// <summary>
    /// The accounts server that issues access tokens (<c>{AccountsUrl}/oauth/v2/token</c>), e.g.
    /// <c>https://accounts.zoho.eu</c>. Unset (default): the accounts server of <see cref="DataCenter"/>.
    /// </summary>
    public Uri? AccountsUrl { get; set; }

    /// <summary>The OAuth client id. Required.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret. Required; never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The long-lived refresh token the access tokens are made from. Required; never logged.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>The CRM API version in the path, <c>/crm/{ApiVersion}/Accounts</c>. Default <c>v8</c>.</summary>
    public string ApiVersion { get; set; } = "v8";

    /// <summary>Records per request (<c>per_page</c>), at most 200. Default 200.</summary>
    public int PageSize { get; set; } = MaxPageSize;

    /// <summary>The module holding accounts. Default <c>Accounts</c>.</summary>
    public string AccountsModule { get; set; } = "Accounts";

    /// <summary>The module holding contacts, synced after the accounts; empty to sync accounts only. Default <c>Contacts</c>.</summary>
    public string? ContactsModule { get; set; } = "Contacts";

    /// <summary>Which CRM fields hold the plan, status, support expiry, domains, phones and contacts' details.</summary>
    public ZohoCrmFieldMapping Fields { get; set; } = new();

    /// <summary>
    /// Where the first sync starts (no cursor yet): records modified since this instant; unset reads every record
    /// (a full sync). Later syncs continue from the cursor.
    /// </summary>
    public DateTimeOffset? InitialSyncFrom { get; set; }

    /// <summary>
    /// How far the next sync reaches back before the start of the previous one, so a record changed while a sync
    /// was running, or stamped by a clock that runs behind, is read again rather than missed. Default 5 minutes.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long before its expiry an access token is replaced. Default 5 minutes.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of one HTTP call on a transient failure (5xx, 408, 429, network). Default 3.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry delay, doubled (with jitter) on each retry unless Retry-After says otherwise. Default 2 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest Retry-After the HTTP client waits for in place; a 429 asking for longer fails the poll with
    /// <see cref="ZohoRateLimitedException"/> and the poller retries it later from the same cursor. Default 1 minute.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The accounts server the refresh-token grant goes to: <see cref="AccountsUrl"/>, else <see cref="DataCenter"/>'s.</summary>
    public Uri AccountsServer() => AccountsUrl ?? ZohoDataCenters.AccountsUrl(DataCenter);

    /// <summary>The API domain of <see cref="DataCenter"/>, used until a token answer names its <c>api_domain</c>.</summary>
    public Uri DataCenterApiDomain() => ZohoDataCenters.ApiDomain(DataCenter);

    /// <summary>The modules synced, in order: accounts, then contacts.</summary>
    public IReadOnlyList<string> Modules() =>
        string.IsNullOrWhiteSpace(ContactsModule) ? [AccountsModule] : [AccountsModule, ContactsModule];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        foreach (var (key, value) in new[] { (nameof(ClientId), ClientId), (nameof(ClientSecret), ClientSecret), (nameof(RefreshToken), RefreshToken) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return Fail(key, "is required when the adapter is enabled (from the Zoho API console)");
            }
        }

        if (BaseUrl is not null && !IsHttpUrl(BaseUrl))
        {
            yield return Fail(nameof(BaseUrl), "must be the absolute http(s) URL of the Zoho API domain, e.g. https://www.zohoapis.com, or unset to use the token answer's api_domain");
        }

        if (!Enum.IsDefined(DataCenter))
        {
            yield return Fail(nameof(DataCenter), $"must be one of {string.Join(", ", Enum.GetNames<ZohoDataCenter>())}");
        }

        if (AccountsUrl is not null && !IsHttpUrl(AccountsUrl))
        {
            yield return Fail(nameof(AccountsUrl), "must be the absolute http(s) URL of the Zoho accounts server, e.g. https://accounts.zoho.com");
        }

        if (!Version().IsMatch(ApiVersion ?? ""))
        {
            yield return Fail(nameof(ApiVersion), "must be a Zoho CRM API version such as v8 or v2.1");
        }

        if (PageSize is < 1 or > MaxPageSize)
        {
            yield return Fail(nameof(PageSize), $"must be between 1 and {MaxPageSize}");
        }

        if (!Module().IsMatch(AccountsModule ?? ""))
        {
            yield return Fail(nameof(AccountsModule), "must be a module API name, e.g. Accounts");
        }

        if (!string.IsNullOrWhiteSpace(ContactsModule) && !Module().IsMatch(ContactsModule))
        {
            yield return Fail(nameof(ContactsModule), "must be a module API name, e.g. Contacts, or empty");
        }

        foreach (var (key, value) in new[] { (nameof(Timeout), Timeout), (nameof(PollInterval), PollInterval), (nameof(RetryDelay), RetryDelay), (nameof(MaxRetryAfter), MaxRetryAfter) })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return Fail(key, "must be a positive duration");
            }
        }

        if (ClockSkew < TimeSpan.Zero || TokenRefreshMargin < TimeSpan.Zero)
        {
            yield return Fail(ClockSkew < TimeSpan.Zero ? nameof(ClockSkew) : nameof(TokenRefreshMargin), "must not be negative");
        }

        if (MaxRetryAttempts is < 0 or > 10)
        {
            yield return Fail(nameof(MaxRetryAttempts), "must be between 0 and 10");
        }

        foreach (var failure in (Fields ?? new ZohoCrmFieldMapping()).Validate(nameof(Fields)))
        {
            yield return failure;
        }
    }

    internal static bool IsHttpUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    private static ValidationResult Fail(string key, string message) => new(message, [key]);

    [GeneratedRegex(@"^v[0-9]+(\.[0-9]+)?$")]
    private static partial Regex Version();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Module();
}
