namespace SyncHub.Resilience.Tests.Hosting;

/// <summary>
/// Every secret the hostile hub is configured with. Each is a distinctive string, so finding it in a log line can only
/// mean it leaked; <see cref="All"/> is what the log assertions search for.
/// </summary>
internal static class TestSecrets
{
    public const string ApiKey = "apikey-Zq8vR3-hostile-7c1e";
    public const string FormToken = "formtoken-Hx4mP9-hostile-2b6d";
    public const string FacebookAppSecret = "fbsecret-Lw2nK7-hostile-9a3f";
    public const string FacebookVerifyToken = "fbverify-Tc5jB1-hostile-4e8a";
    public const string LivechatSecret = "rclivechat-Pv6sD2-hostile-1f7c";
    public const string FreshcallerWebhookSecret = "fcwebhook-Nm3qW8-hostile-6d2b";
    public const string FreshcallerApiKey = "fcapikey-Gy7tX4-hostile-8c5e";
    public const string RocketChatAuthToken = "rcauth-Jk9hF3-hostile-3a7d";
    public const string SmtpPassword = "smtppass-Qr1vB6-hostile-5e9c";
    public const string RedisPassword = "redispass-Wd4cL8-hostile-0b2f";
    public const string FacebookPageToken = "fbpage-Rt6yU2-hostile-7d4a";

    public static IReadOnlyList<string> All { get; } =
    [
        ApiKey,
        FormToken,
        FacebookAppSecret,
        FacebookVerifyToken,
        LivechatSecret,
        FreshcallerWebhookSecret,
        FreshcallerApiKey,
        RocketChatAuthToken,
        SmtpPassword,
        RedisPassword,
        FacebookPageToken,
    ];
}
