using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Pipeline;

/// <summary>The checks a record must pass before it can become a ticket (the bounds of <see cref="RecordLimits"/>); a failure dead-letters it.</summary>
public static class RecordValidator
{
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

        if (record.ExternalId.Length > RecordLimits.MaxIdLength || record.Source.Length > RecordLimits.MaxIdLength || record.ThreadKey?.Length > RecordLimits.MaxIdLength)
        {
            return $"an id is longer than {RecordLimits.MaxIdLength} characters";
        }

        if (!Enum.IsDefined(record.Channel))
        {
            return "channel is not a known channel";
        }

        if (record.Subject.Length > RecordLimits.MaxSubjectLength)
        {
            return $"subject is longer than {RecordLimits.MaxSubjectLength} characters";
        }

        if (record.Body.Length > RecordLimits.MaxBodyLength)
        {
            return $"body is longer than {RecordLimits.MaxBodyLength} characters";
        }

        return FieldProblem(record);
    }

    /// <summary>Every other field is bounded, so no tool (or attacker) can make a ticket carry megabytes outside its body.</summary>
    private static string? FieldProblem(IntakeRecord record)
    {
        var requester = record.Requester;
        var tooLong = TooLong("requester.name", requester.Name, RecordLimits.MaxFieldLength)
            ?? TooLong("requester.handle", requester.Handle, RecordLimits.MaxFieldLength)
            ?? TooLong("requester.email", requester.Email, RecordLimits.MaxAddressLength)
            ?? TooLong("requester.phone", requester.Phone, RecordLimits.MaxAddressLength)
            ?? TooLong("product", record.Product, RecordLimits.MaxFieldLength)
            ?? TooLong("departmentHint", record.DepartmentHint, RecordLimits.MaxFieldLength);
        if (tooLong is not null)
        {
            return tooLong;
        }

        if (record.Diagnostics.Count > RecordLimits.MaxDiagnostics)
        {
            return $"diagnostics has more than {RecordLimits.MaxDiagnostics} entries";
        }

        // A dictionary's own enumerator is a struct; the interface's is boxed on every record.
        if (record.Diagnostics is Dictionary<string, string> diagnostics)
        {
            foreach (var (key, value) in diagnostics)
            {
                if (DiagnosticProblem(key, value) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        foreach (var (key, value) in record.Diagnostics)
        {
            if (DiagnosticProblem(key, value) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? DiagnosticProblem(string key, string? value) =>
        key.Length > RecordLimits.MaxFieldLength || value?.Length > RecordLimits.MaxDiagnosticLength
            ? $"diagnostics.{(key.Length > 100 ? key[..100] + "..." : key)} is longer than {RecordLimits.MaxDiagnosticLength} characters"
            : null;

    private static string? TooLong(string name, string? value, int limit) =>
        value?.Length > limit ? $"{name} is longer than {limit} characters" : null;
}
