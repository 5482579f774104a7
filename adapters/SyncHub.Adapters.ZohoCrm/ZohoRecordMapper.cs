using System.Globalization;
using System.Text.Json;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// Maps Zoho CRM records to <see cref="CrmAccount"/> and <see cref="CrmContact"/> through the configured
/// <see cref="ZohoCrmFieldMapping"/>. Values may be text, numbers, picklists, lookups (<c>{"name", "id"}</c>) or
/// multi-select lists; a date-only support expiry (<c>2025-12-31</c>) runs to the end of that day (UTC).
/// </summary>
internal sealed class ZohoRecordMapper(ZohoCrmFieldMapping fields)
{
    private static readonly char[] DomainSeparators = [',', ';', ' ', '\n', '\r', '\t'];
    private static readonly char[] PhoneSeparators = [',', ';', '\n', '\r'];

    public static DateTimeOffset? ModifiedAt(JsonElement record) => Instant(Text(record, ZohoCrmFieldMapping.ModifiedTime));

    /// <summary>The <c>id</c> of a record (also of an entry of the deleted-records list), or null when it has none.</summary>
    public static string? Id(JsonElement record) => Text(record, "id");

    /// <summary>The <c>deleted_time</c> of an entry of the deleted-records list.</summary>
    public static DateTimeOffset? DeletedAt(JsonElement record) => Instant(Text(record, "deleted_time"));

    public CrmAccount? ToAccount(JsonElement record)
    {
        if (Text(record, "id") is not { } id)
        {
            return null;
        }

        return new CrmAccount(
            id,
            Text(record, fields.AccountName) ?? id,
            Optional(record, fields.Plan),
            Optional(record, fields.Status),
            SupportExpiry(Optional(record, fields.SupportExpiry)),
            Texts(record, fields.Domains, DomainSeparators),
            Texts(record, fields.AccountPhones, PhoneSeparators),
            ModifiedAt(record) ?? DateTimeOffset.MinValue);
    }

    public CrmContact? ToContact(JsonElement record)
    {
        if (Text(record, "id") is not { } id)
        {
            return null;
        }

        var emails = Texts(record, fields.ContactEmails, PhoneSeparators);
        var phones = Texts(record, fields.ContactPhones, PhoneSeparators);
        return new CrmContact(
            id,
            LookupId(record, fields.ContactAccount),
            emails.FirstOrDefault(),
            phones.FirstOrDefault(),
            Optional(record, fields.ContactName),
            ModifiedAt(record) ?? DateTimeOffset.MinValue)
        {
            OtherEmails = [.. emails.Skip(1)],
            OtherPhones = [.. phones.Skip(1)],
        };
    }

    private static string? Optional(JsonElement record, string? field) =>
        string.IsNullOrWhiteSpace(field) ? null : Text(record, field);

    /// <summary>Every value of the comma-separated <paramref name="fieldList"/>, split on <paramref name="separators"/>.</summary>
    private static List<string> Texts(JsonElement record, string? fieldList, char[] separators) =>
        [.. ZohoCrmFieldMapping.Split(fieldList)
            .SelectMany(field => Values(record, field))
            .SelectMany(value => value.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)];

    private static string? Text(JsonElement record, string field) => Values(record, field).FirstOrDefault();

    private static IEnumerable<string> Values(JsonElement record, string field) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(field, out var value) ? Values(value) : [];

    private static IEnumerable<string> Values(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Object => ZohoHttp.String(value, "name") ?? ZohoHttp.String(value, "display_value") ?? ZohoHttp.String(value, "id"),
            _ => null,
        };
        if (!string.IsNullOrWhiteSpace(text))
        {
            yield return text.Trim();
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray().SelectMany(Values))
            {
                yield return item;
            }
        }
    }

    private static string? LookupId(JsonElement record, string field) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(field, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Object => ZohoHttp.String(value, "id"),
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static DateTimeOffset? SupportExpiry(string? value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        return Instant(value);
    }

    private static DateTimeOffset? Instant(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
