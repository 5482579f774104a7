using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>The Zoho CRM adapter's log messages (EventIds 3000-3099). No tokens, secrets or record contents.</summary>
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Information, "Zoho CRM access token refreshed; valid for {ExpiresIn}")]
    public static partial void TokenRefreshed(ILogger logger, TimeSpan expiresIn);

    [LoggerMessage(3002, LogLevel.Warning, "Zoho accounts server refused to refresh the access token: {Code}")]
    public static partial void TokenRefreshRefused(ILogger logger, string code);

    [LoggerMessage(3003, LogLevel.Warning, "Zoho CRM rejected the access token reading {Module} ({Code}); refreshing it and retrying once")]
    public static partial void TokenRejected(ILogger logger, string module, string code);

    [LoggerMessage(3004, LogLevel.Warning, "Zoho answered api_domain {ApiDomain} but BaseUrl is {BaseUrl}; CRM calls go to BaseUrl")]
    public static partial void ApiDomainMismatch(ILogger logger, string apiDomain, Uri baseUrl);

    [LoggerMessage(3005, LogLevel.Debug, "Zoho CRM {Module} page {Page}: {Count} records, more: {More}")]
    public static partial void PageRead(ILogger logger, string module, int page, int count, bool more);

    [LoggerMessage(3006, LogLevel.Debug, "Zoho CRM {Module}: nothing modified since {Since}")]
    public static partial void NothingChanged(ILogger logger, string module, DateTimeOffset? since);

    [LoggerMessage(3007, LogLevel.Information, "Zoho CRM {Module} synced; next sync reads records modified since {Since}")]
    public static partial void SweepCompleted(ILogger logger, string module, DateTimeOffset? since);

    [LoggerMessage(3008, LogLevel.Warning, "Zoho CRM cursor could not be read; starting a full sync")]
    public static partial void CursorUnreadable(ILogger logger, Exception? exception);

    [LoggerMessage(3009, LogLevel.Warning, "Zoho CRM refused the page token for {Module} ({Code}: expired or invalid); reading the module again from its committed watermark")]
    public static partial void PageTokenRefused(ILogger logger, string module, string code);

    [LoggerMessage(3010, LogLevel.Warning, "Zoho CRM {Module} record without an id skipped")]
    public static partial void RecordWithoutId(ILogger logger, string module);

    [LoggerMessage(3011, LogLevel.Warning, "Zoho CRM access token refresh failed ({Code}); keeping the cached token, valid until {ExpiresAt}")]
    public static partial void TokenRefreshFailedKeptCached(ILogger logger, string code, DateTimeOffset expiresAt, Exception exception);

    [LoggerMessage(3012, LogLevel.Information, "Zoho CRM calls go to api_domain {ApiDomain} (from the token answer)")]
    public static partial void ApiDomainChosen(ILogger logger, Uri apiDomain);

    [LoggerMessage(3013, LogLevel.Warning, "Zoho CRM {Module} answered {Code} on page {Page}; restarting the module from its committed watermark")]
    public static partial void PassRestarted(ILogger logger, string module, string code, int page);

    [LoggerMessage(3014, LogLevel.Debug, "Zoho CRM {Module}: {Count} records deleted since {Since} (page {Page}, more: {More}); they leave the account directory")]
    public static partial void DeletedRead(ILogger logger, string module, int count, DateTimeOffset since, int page, bool more);
}
