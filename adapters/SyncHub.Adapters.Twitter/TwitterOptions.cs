using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// <c>SyncHub:Adapters:Twitter</c>: the support account's mentions on X. <see cref="AdapterOptions.BaseUrl"/> is the API
/// root, <c>https://api.x.com</c> unless configured otherwise.
/// </summary>
public sealed class TwitterOptions : AdapterOptions, IValidatableObject
{
    /// <summary>The X API root used when <c>BaseUrl</c> is not configured.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.x.com");

    /// <summary>The configuration section of the adapter.</summary>
    public const string Section = "SyncHub:Adapters:Twitter";

    /// <summary>The setting that enables answers on X (public replies and direct messages), named when none can go.</summary>
    public const string UserContextSetting = Section + ":" + nameof(UserAccessToken);

    public TwitterOptions()
    {
        BaseUrl = DefaultBaseUrl;
    }

    /// <summary>The app's OAuth 2.0 bearer token (<c>Authorization: Bearer</c>). Required when enabled; never logged.</summary>
    public string BearerToken { get; set; } = "";

    /// <summary>The numeric user id of the support account whose mentions become tickets. Required when enabled.</summary>
    public string UserId { get; set; } = "";

    /// <summary>Mentions per request (<c>max_results</c>); X accepts 5 to 100.</summary>
    [Range(5, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Where the very first sync starts (<c>start_time</c>) while no since_id is stored. Null: whatever the mentions timeline
    /// still holds (X keeps the 800 most recent mentions).
    /// </summary>
    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Retries of a transient failure (5xx, 408, network errors, timeouts) within one fetch. 429 is handled apart.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay between retries of a transient failure (exponential, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait for a rate-limit window to reset (<c>x-rate-limit-reset</c>) inside one fetch. X's windows are
    /// 15 minutes; a longer reset fails the fetch with <see cref="TwitterRateLimitedException"/> and the poller backs off.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(16);

    /// <summary>
    /// The support account's OAuth 2.0 user access token (Authorization Code with PKCE, scopes <c>tweet.read tweet.write
    /// users.read dm.read dm.write offline.access</c>): posts replies and reads and sends direct messages. Never logged.
    /// </summary>
    public string? UserAccessToken { get; set; }

    /// <summary>The refresh token issued with <see cref="UserAccessToken"/> (scope <c>offline.access</c>); needs <see cref="ClientId"/>. Never logged.</summary>
    public string? UserRefreshToken { get; set; }

    /// <summary>The app's OAuth 2.0 client id, sent when the user access token is refreshed.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app's OAuth 2.0 client secret, for a confidential client (sent as HTTP Basic when refreshing). Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>OAuth 1.0a: the app's API key (consumer key). With the three keys below, instead of the OAuth 2.0 user token.</summary>
    public string? ConsumerKey { get; set; }

    /// <summary>OAuth 1.0a: the app's API key secret. Never logged.</summary>
    public string? ConsumerSecret { get; set; }

    /// <summary>OAuth 1.0a: the support account's access token. Never logged.</summary>
    public string? AccessToken { get; set; }

    /// <summary>OAuth 1.0a: the support account's access token secret. Never logged.</summary>
    public string? AccessTokenSecret { get; set; }

    /// <summary>Reads the support account's direct messages (<c>GET /2/dm_events</c>) into private tickets; needs user-context credentials.</summary>
    public bool DirectMessages { get; set; } = true;

    /// <summary>
    /// How long a direct message threads onto the open ticket of its conversation; after it (or once that ticket is
    /// solved) the next message opens a new ticket.
    /// </summary>
    public TimeSpan DirectMessageThreadWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>True when all four OAuth 1.0a user keys are configured.</summary>
    public bool UsesOAuth1 => Set(ConsumerKey) && Set(ConsumerSecret) && Set(AccessToken) && Set(AccessTokenSecret);

    /// <summary>True when an OAuth 2.0 user token (access or refresh) is configured.</summary>
    public bool UsesOAuth2User => Set(UserAccessToken) || Set(UserRefreshToken);

    /// <summary>True when the adapter can act as the support account: post replies, read and send direct messages.</summary>
    public bool HasUserContext => UsesOAuth1 || UsesOAuth2User;

    /// <summary>True when the OAuth 2.0 user token can be refreshed.</summary>
    public bool CanRefresh => Set(UserRefreshToken) && Set(ClientId);

    /// <summary>True when direct messages are read: enabled and user-context credentials configured.</summary>
    public bool ReadsDirectMessages => DirectMessages && HasUserContext;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        foreach (var problem in ValidateUserContext())
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(BearerToken))
        {
            yield return new ValidationResult("is required when the adapter is enabled", [nameof(BearerToken)]);
        }

        if (string.IsNullOrWhiteSpace(UserId))
        {
            yield return new ValidationResult("is required when the adapter is enabled (the support account's numeric user id)", [nameof(UserId)]);
        }
        else if (!TweetIds.IsId(UserId.Trim()))
        {
            yield return new ValidationResult("must be the account's numeric user id, not its @username", [nameof(UserId)]);
        }

        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(BaseUrl)]);
        }

        foreach (var (name, value, min, max) in new[]
        {
            (nameof(RetryDelay), RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            (nameof(MaxRateLimitWait), MaxRateLimitWait, TimeSpan.Zero, TimeSpan.FromHours(1)),
            (nameof(Timeout), Timeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromMinutes(10)),
            (nameof(PollInterval), PollInterval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)),
            (nameof(DirectMessageThreadWindow), DirectMessageThreadWindow, TimeSpan.Zero, TimeSpan.FromDays(30)),
        })
        {
            if (value < min || value > max)
            {
                yield return new ValidationResult($"must be between {min} and {max}", [name]);
            }
        }
    }

    /// <summary>The user-context credentials: a whole set of OAuth 1.0a keys or an OAuth 2.0 user token, not both, and what a refresh needs.</summary>
    private IEnumerable<ValidationResult> ValidateUserContext()
    {
        var oauth1 = new[] { (nameof(ConsumerKey), ConsumerKey), (nameof(ConsumerSecret), ConsumerSecret), (nameof(AccessToken), AccessToken), (nameof(AccessTokenSecret), AccessTokenSecret) };
        if (oauth1.Any(k => Set(k.Item2)))
        {
            foreach (var (name, _) in oauth1.Where(k => !Set(k.Item2)))
            {
                yield return new ValidationResult(
                    "is required with the other OAuth 1.0a user keys (ConsumerKey, ConsumerSecret, AccessToken, AccessTokenSecret): configure all four or none",
                    [name]);
            }

            if (UsesOAuth2User)
            {
                yield return new ValidationResult(
                    "configure either the OAuth 2.0 user token (UserAccessToken, UserRefreshToken) or the OAuth 1.0a user keys, not both",
                    [Set(UserAccessToken) ? nameof(UserAccessToken) : nameof(UserRefreshToken)]);
            }
        }

        if (Set(UserRefreshToken) && !Set(ClientId))
        {
            yield return new ValidationResult("is required to refresh the user access token (UserRefreshToken is set): the app's OAuth 2.0 client id", [nameof(ClientId)]);
        }

        if (Set(ClientSecret) && !Set(ClientId))
        {
            yield return new ValidationResult("is required with ClientSecret: the app's OAuth 2.0 client id", [nameof(ClientId)]);
        }
    }

    private static bool Set(string? value) => !string.IsNullOrWhiteSpace(value);
}
