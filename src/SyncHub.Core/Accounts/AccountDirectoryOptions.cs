using System.ComponentModel.DataAnnotations;

namespace SyncHub.Accounts;

/// <summary>How the account directory matches requesters, bound from <c>SyncHub:Accounts</c>.</summary>
public sealed class AccountDirectoryOptions
{
    public const string SectionName = "SyncHub:Accounts";

    /// <summary>The mail domains the directory uses when <see cref="PublicEmailDomains"/> is not configured.</summary>
    public static IReadOnlyList<string> DefaultPublicEmailDomains { get; } =
    [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
        "yahoo.com", "yahoo.com.br", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
        "proton.me", "protonmail.com", "gmx.com", "gmx.net", "zohomail.com", "yandex.com", "mail.ru",
        "uol.com.br", "bol.com.br", "terra.com.br", "ig.com.br",
    ];

    /// <summary>
    /// The country calling code given to numbers written without one (national numbers), e.g. <c>55</c> for
    /// Brazil: <c>(11) 91234-5678</c> becomes <c>+5511912345678</c>.
    /// </summary>
    [Required]
    [RegularExpression(@"^\+?[1-9][0-9]{0,2}$", ErrorMessage = "must be a country calling code of 1 to 3 digits, e.g. 55")]
    public string DefaultCountryCallingCode { get; set; } = "55";

    /// <summary>
    /// Mail domains shared by unrelated people (webmail), which never identify an account by domain.
    /// Null (not configured) means <see cref="DefaultPublicEmailDomains"/>; a configured list replaces it.
    /// </summary>
    public IList<string>? PublicEmailDomains { get; set; }

    /// <summary>
    /// The status reported for an account whose support expired (its expiry is in the past), instead of the
    /// CRM status; empty keeps the CRM status.
    /// </summary>
    public string? ExpiredStatus { get; set; } = "Expired";

    /// <summary>
    /// How long a look-up's answer (an account, or none) is served from memory instead of asking the shared store again:
    /// most requests come from requesters seen moments before. This instance's own directory sync clears it; another
    /// instance's sync reaches it within this time. Zero asks the store every time. Used when <see cref="Mirror"/> is off.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan LookupCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether a shared directory (Redis) keeps a complete copy of its look-up data in each instance's memory, so a
    /// look-up costs no store call once the copy is loaded; it reloads when another instance changed the directory
    /// (checked every <see cref="MirrorRefresh"/>). False asks the store per look-up, with <see cref="LookupCacheTtl"/>.
    /// </summary>
    public bool Mirror { get; set; } = true;

    /// <summary>How often each instance checks, in the background, whether the shared directory changed since its mirror was loaded.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan MirrorRefresh { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The public mail domains in force.</summary>
    public IEnumerable<string> EffectivePublicEmailDomains => PublicEmailDomains ?? (IEnumerable<string>)DefaultPublicEmailDomains;
}
