using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// Which Zoho CRM fields (API names, <c>Setup &gt; Developer Hub &gt; APIs &gt; API Names</c>) hold what the
/// account directory needs, bound from <c>SyncHub:Adapters:ZohoCrm:Fields</c>. Every CRM has its own custom
/// fields, so each is configurable; an empty optional field is not read. Keys holding several fields take
/// them comma-separated, in order of preference.
/// </summary>
public sealed partial class ZohoCrmFieldMapping
{
    /// <summary>The system field every record carries: its last modification time, the incremental sync's clock.</summary>
    public const string ModifiedTime = "Modified_Time";

    /// <summary>Accounts: the account name. Default <c>Account_Name</c>.</summary>
    public string AccountName { get; set; } = "Account_Name";

    /// <summary>Accounts: the plan or product bought, the SLA table's row (a picklist or lookup). Default <c>Plan</c>.</summary>
    public string? Plan { get; set; } = "Plan";

    /// <summary>Accounts: the account status (customer, trial, potential customer...). Default <c>Account_Type</c>.</summary>
    public string? Status { get; set; } = "Account_Type";

    /// <summary>Accounts: the date (or date-time) paid support ends. Default <c>Support_Expiry</c>.</summary>
    public string? SupportExpiry { get; set; } = "Support_Expiry";

    /// <summary>
    /// Accounts: fields holding the account's e-mail domains: a website (<c>https://www.acme.com</c>) or a text
    /// field listing domains separated by commas, semicolons or spaces. Default <c>Website</c>.
    /// </summary>
    public string? Domains { get; set; } = "Website";

    /// <summary>Accounts: the phone number fields. Default <c>Phone</c>.</summary>
    public string? AccountPhones { get; set; } = "Phone";

    /// <summary>Contacts: e-mail fields, the first filled one being the main address. Default <c>Email,Secondary_Email</c>.</summary>
    public string? ContactEmails { get; set; } = "Email,Secondary_Email";

    /// <summary>Contacts: phone fields, the first filled one being the main number. Default <c>Phone,Mobile</c>.</summary>
    public string? ContactPhones { get; set; } = "Phone,Mobile";

    /// <summary>Contacts: the lookup to the contact's account. Default <c>Account_Name</c>.</summary>
    public string ContactAccount { get; set; } = "Account_Name";

    /// <summary>Contacts: the contact's name. Default <c>Full_Name</c>.</summary>
    public string? ContactName { get; set; } = "Full_Name";

    /// <summary>The field API names in a comma-separated setting, trimmed, empty ones left out.</summary>
    public static IReadOnlyList<string> Split(string? fields) =>
        string.IsNullOrWhiteSpace(fields) ? [] : fields.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The fields requested from the Accounts module.</summary>
    public IReadOnlyList<string> AccountFields() =>
        Distinct([AccountName, Plan, Status, SupportExpiry, .. Split(Domains), .. Split(AccountPhones), ModifiedTime]);

    /// <summary>The fields requested from the Contacts module.</summary>
    public IReadOnlyList<string> ContactFields() =>
        Distinct([.. Split(ContactEmails), .. Split(ContactPhones), ContactAccount, ContactName, ModifiedTime]);

    internal IEnumerable<ValidationResult> Validate(string prefix)
    {
        (string Key, string? Value, bool Required)[] settings =
        [
            (nameof(AccountName), AccountName, true), (nameof(Plan), Plan, false), (nameof(Status), Status, false),
            (nameof(SupportExpiry), SupportExpiry, false), (nameof(Domains), Domains, false),
            (nameof(AccountPhones), AccountPhones, false), (nameof(ContactEmails), ContactEmails, false),
            (nameof(ContactPhones), ContactPhones, false), (nameof(ContactAccount), ContactAccount, true),
            (nameof(ContactName), ContactName, false),
        ];
        foreach (var (key, value, required) in settings)
        {
            var names = Split(value);
            if (required && names.Count == 0)
            {
                yield return new ValidationResult("is required: the API name of a Zoho CRM field", [$"{prefix}:{key}"]);
            }
            else if (names.FirstOrDefault(n => !ApiName().IsMatch(n)) is { } bad)
            {
                yield return new ValidationResult(
                    $"'{bad}' is not a Zoho CRM field API name (letters, digits and underscores, e.g. Account_Type)",
                    [$"{prefix}:{key}"]);
            }
        }

        if (AccountFields().Count > 50 || ContactFields().Count > 50)
        {
            yield return new ValidationResult("Zoho CRM returns at most 50 fields per request", [prefix]);
        }
    }

    private static List<string> Distinct(IEnumerable<string?> fields) =>
        [.. fields.SelectMany(Split).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex("^[A-Za-z$][A-Za-z0-9_$]*$")]
    private static partial Regex ApiName();
}
