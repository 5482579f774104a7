using SyncHub.Domain;

namespace SyncHub.Pipeline;

/// <summary>The checks a record must pass before it can become a ticket; a failure dead-letters it.</summary>
public static class RecordValidator
{
    public const int MaxIdLength = 512;
    public const int MaxSubjectLength = 1000;
    public const int MaxBodyLength = 1_000_000;

    /// <summary>The longest requester name or handle, product, department hint or diagnostics key.</summary>
    public const int MaxFieldLength = 2_000;

    /// <summary>The longest diagnostics value (an e-mail's list of 20 attachments fits).</summary>
    public const int MaxDiagnosticLength = 8_000;

    /// <summary>The longest requester e-mail address (RFC 5321 allows 254 in a path) or phone number.</summary>
    public const int MaxAddressLength = 320;

    /// <summary>The most diagnostics entries a record may carry.</summary>
    public const int MaxDiagnostics = 64;

    /// <summary>The reason the record is unusable, or null when it is fine.</summary>
    public static string? Problem(IntakeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(record.Source))
        {
            return "source is empty";
        }

        if (string.IsNullOrWhiteSpace(record.ExternalId))
        {
            return "externalId is empty";
        }

        if (record.ExternalId.Length > MaxIdLength || record.Source.Length > MaxIdLength || record.ThreadKey?.Length > MaxIdLength)
        {
            return $"an id is longer than {MaxIdLength} characters";
        }

        if (!Enum.IsDefined(record.Channel))
        {
            return "channel is not a known channel";
        }

        if (record.Subject.Length > MaxSubjectLength)
        {
            return $"subject is longer than {MaxSubjectLength} characters";
        }

        if (record.Body.Length > MaxBodyLength)
        {
            return $"body is longer than {MaxBodyLength} characters";
        }

        return FieldProblem(record);
    }

    /// <summary>Every other field is bounded, so no tool (or attacker) can make a ticket carry megabytes outside its body.</summary>
    private static string? FieldProblem(IntakeRecord record)
    {
        var requester = record.Requester;
        foreach (var (name, value, limit) in new (string, string?, int)[]
        {
            ("requester.name", requester.Name, MaxFieldLength),
            ("requester.handle", requester.Handle, MaxFieldLength),
            ("requester.email", requester.Email, MaxAddressLength),
            ("requester.phone", requester.Phone, MaxAddressLength),
            ("product", record.Product, MaxFieldLength),
            ("departmentHint", record.DepartmentHint, MaxFieldLength),
        })
        {
            if (value?.Length > limit)
            {
                return $"{name} is longer than {limit} characters";
            }
        }

        if (record.Diagnostics.Count > MaxDiagnostics)
        {
            return $"diagnostics has more than {MaxDiagnostics} entries";
        }

        foreach (var (key, value) in record.Diagnostics)
        {
            if (key.Length > MaxFieldLength || value?.Length > MaxDiagnosticLength)
            {
                return $"diagnostics.{(key.Length > 100 ? key[..100] + "..." : key)} is longer than {MaxDiagnosticLength} characters";
            }
        }

        return null;
    }
}
