using System.Net.Mail;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Accounts;

/// <summary>
/// The matching rules every account directory implementation shares, so they all match the same way: look-up
/// keys (e-mail addresses in lower case; e-mail domains from an address, a website or a bare domain, public mail
/// domains excluded; phone numbers in E.164) and the snapshot reported (expired support).
/// </summary>
public sealed class AccountDirectoryRules
{
    private readonly HashSet<string> publicDomains;
    private readonly string defaultCountryCallingCode;
    private readonly string? expiredStatus;

    public AccountDirectoryRules(IOptions<AccountDirectoryOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        defaultCountryCallingCode = value.DefaultCountryCallingCode;
        LookupCacheTtl = value.LookupCacheTtl;
        Mirror = value.Mirror;
        MirrorRefresh = value.MirrorRefresh;
        expiredStatus = string.IsNullOrEmpty(value.ExpiredStatus) ? null : value.ExpiredStatus;
        publicDomains = new HashSet<string>(
            value.EffectivePublicEmailDomains.Select(Domain).OfType<string>(),
            StringComparer.Ordinal);
    }

    /// <summary>See <see cref="AccountDirectoryOptions.LookupCacheTtl"/>.</summary>
    public TimeSpan LookupCacheTtl { get; }

    /// <summary>See <see cref="AccountDirectoryOptions.Mirror"/>.</summary>
    public bool Mirror { get; }

    /// <summary>See <see cref="AccountDirectoryOptions.MirrorRefresh"/>.</summary>
    public TimeSpan MirrorRefresh { get; }

    /// <summary>The address in lower case, or null when <paramref name="raw"/> is not an e-mail address.</summary>
    public static string? Email(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var trimmed = raw.Trim();
        if (IsPlainAddress(trimmed))
        {
            // What MailAddress gives for it (its Address is the text as written), without parsing one per look-up.
            return trimmed.ToLowerInvariant();
        }

        if (!MailAddress.TryCreate(trimmed, out var address))
        {
            return null;
        }

        var email = address.Address.ToLowerInvariant();
        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 1 ? email : null;
    }

    /// <summary>
    /// The domain of an e-mail address, a website (<c>https://www.acme.com/about</c>) or a bare domain, in lower
    /// case without <c>www.</c>; null when there is none.
    /// </summary>
    public static string? Domain(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = raw.Trim();
        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            text = text[(at + 1)..].TrimEnd('>', ' ');
        }
        else
        {
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                text = text[(scheme + 3)..];
            }

            var end = text.IndexOfAny(['/', '?', '#', ':']);
            if (end >= 0)
            {
                text = text[..end];
            }
        }

        text = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (text.StartsWith("www.", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        return text.Length > 2 && text.Contains('.', StringComparison.Ordinal) && !text.StartsWith('.') && IsDomain(text)
            ? text
            : null;
    }

    /// <summary>True for a webmail domain (configured in <c>SyncHub:Accounts:PublicEmailDomains</c>).</summary>
    public bool IsPublicDomain(string domain) => publicDomains.Contains(domain);

    /// <summary>The domain to look an account up by: the address's domain unless it is a public mail domain.</summary>
    public string? LookupDomain(string? emailOrDomain) =>
        Domain(emailOrDomain) is { } domain && !IsPublicDomain(domain) ? domain : null;

    /// <summary>The number in E.164, national numbers taking the configured default country calling code.</summary>
    public string? Phone(string? raw) => PhoneNumbers.ToE164(raw, defaultCountryCallingCode);

    /// <summary>The look-up addresses of a contact (main and other e-mails).</summary>
    public static IReadOnlyList<string> EmailKeys(CrmContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return [.. new[] { contact.Email }.Concat(contact.OtherEmails).Select(Email).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The look-up numbers of a contact (main and other phones) in E.164.</summary>
    public IReadOnlyList<string> PhoneKeys(CrmContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return PhoneKeys(new[] { contact.Phone }.Concat(contact.OtherPhones));
    }

    /// <summary>The look-up numbers of an account in E.164.</summary>
    public IReadOnlyList<string> PhoneKeys(CrmAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return PhoneKeys(account.Phones);
    }

    /// <summary>The look-up domains of an account (public mail domains left out).</summary>
    public IReadOnlyList<string> DomainKeys(CrmAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return [.. account.EmailDomains.Select(LookupDomain).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// What ticket creation sees of <paramref name="account"/> at <paramref name="now"/>: past its support
    /// expiry the status is the configured expired status (<c>SyncHub:Accounts:ExpiredStatus</c>).
    /// </summary>
    public AccountSnapshot Snapshot(CrmAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        var expired = expiredStatus is not null && account.SupportExpiresAt is { } expiresAt && expiresAt <= now;
        return new AccountSnapshot(account.CrmId, account.Name, account.Plan, expired ? expiredStatus : account.Status);
    }

    private IReadOnlyList<string> PhoneKeys(IEnumerable<string?> raw) =>
        [.. raw.Select(Phone).OfType<string>().Distinct(StringComparer.Ordinal)];

    private static bool IsDomain(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c) && c is not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An address in its plainest form, <c>name.surname+tag@sub.domain.com</c>: ASCII letters, digits, <c>_ + -</c> in
    /// dot-separated parts (none empty) on each side of one <c>@</c>. Anything else (a display name, quotes, comments,
    /// other characters) is left to <see cref="MailAddress"/>.
    /// </summary>
    private static bool IsPlainAddress(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && IsDotAtom(text.AsSpan(0, at), localPart: true) && IsDotAtom(text.AsSpan(at + 1), localPart: false);
    }

    private static bool IsDotAtom(ReadOnlySpan<char> text, bool localPart)
    {
        var partStart = true;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (partStart)
                {
                    return false;
                }

                partStart = true;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' || (localPart && c is '_' or '+'))
            {
                partStart = false;
            }
            else
            {
                return false;
            }
        }

        return !partStart;
    }
}
