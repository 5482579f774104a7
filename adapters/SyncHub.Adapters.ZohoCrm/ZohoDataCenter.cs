namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// The Zoho data centre the CRM account lives in: it picks the accounts server that issues access tokens and the
/// API domain used until the first token answer names one (<c>api_domain</c>).
/// </summary>
public enum ZohoDataCenter
{
    /// <summary>United States: <c>https://accounts.zoho.com</c>, <c>https://www.zohoapis.com</c>.</summary>
    US,

    /// <summary>Europe: <c>https://accounts.zoho.eu</c>, <c>https://www.zohoapis.eu</c>.</summary>
    EU,

    /// <summary>India: <c>https://accounts.zoho.in</c>, <c>https://www.zohoapis.in</c>.</summary>
    IN,

    /// <summary>Australia: <c>https://accounts.zoho.com.au</c>, <c>https://www.zohoapis.com.au</c>.</summary>
    AU,

    /// <summary>Japan: <c>https://accounts.zoho.jp</c>, <c>https://www.zohoapis.jp</c>.</summary>
    JP,

    /// <summary>Canada: <c>https://accounts.zohocloud.ca</c>, <c>https://www.zohoapis.ca</c>.</summary>
    CA,

    /// <summary>Saudi Arabia: <c>https://accounts.zoho.sa</c>, <c>https://www.zohoapis.sa</c>.</summary>
    SA,

    /// <summary>China: <c>https://accounts.zoho.com.cn</c>, <c>https://www.zohoapis.com.cn</c>.</summary>
    CN,
}
