using SyncHub.Domain;

namespace SyncHub.Pipeline;

/// <summary>The checks a record must pass before it can become a ticket; a failure dead-letters it.</summary>
public static class RecordValidator
{
    public const int MaxIdLength = 512;
    public const int MaxSubjectLength = 1000;
    public const int MaxBodyLength = 1_000_000;

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

        return null;
    }
}
