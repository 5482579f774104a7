namespace SyncHub.Adapters.ZohoCrm;

/// <summary>The accounts server and API domain of each <see cref="ZohoDataCenter"/>, as Zoho's multi-DC documentation lists them.</summary>
internal static class ZohoDataCenters
{
    public static Uri AccountsUrl(ZohoDataCenter dataCenter) => new(dataCenter switch
    {
        ZohoDataCenter.EU => "https://accounts.zoho.eu",
        ZohoDataCenter.IN => "https://accounts.zoho.in",
        ZohoDataCenter.AU => "https://accounts.zoho.com.au",
        ZohoDataCenter.JP => "https://accounts.zoho.jp",
        ZohoDataCenter.CA => "https://accounts.zohocloud.ca",
        ZohoDataCenter.SA => "https://accounts.zoho.sa",
        ZohoDataCenter.CN => "https://accounts.zoho.com.cn",
        _ => "https://accounts.zoho.com",
    });

    public static Uri ApiDomain(ZohoDataCenter dataCenter) => new(dataCenter switch
    {
        ZohoDataCenter.EU => "https://www.zohoapis.eu",
        ZohoDataCenter.IN => "https://www.zohoapis.in",
        ZohoDataCenter.AU => "https://www.zohoapis.com.au",
        ZohoDataCenter.JP => "https://www.zohoapis.jp",
        ZohoDataCenter.CA => "https://www.zohoapis.ca",
        ZohoDataCenter.SA => "https://www.zohoapis.sa",
        ZohoDataCenter.CN => "https://www.zohoapis.com.cn",
        _ => "https://www.zohoapis.com",
    });
}
