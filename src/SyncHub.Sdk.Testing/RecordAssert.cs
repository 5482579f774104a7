using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Sdk.Testing;

/// <summary>What every record a source hands over must satisfy, whatever the tool.</summary>
public static class RecordAssert
{
    /// <summary>
    /// Fails unless <paramref name="record"/> carries the source's name, a usable idempotency id, a receive time and a
    /// defined channel, and stays within the record limits the pipeline enforces (a record over them is dead-lettered).
    /// </summary>
    public static void Conforms(IntakeRecord record, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(record);
        Assert.Equal(sourceName, record.Source);
        Assert.False(string.IsNullOrWhiteSpace(record.ExternalId), $"{sourceName}: a record has no external id");
        Assert.True(record.ExternalId.Trim() == record.ExternalId, $"{sourceName}: external id '{record.ExternalId}' has surrounding white space");
        Assert.True(record.ExternalId.Length <= RecordLimits.MaxIdLength, $"{sourceName}: external id is longer than {RecordLimits.MaxIdLength}");
        Assert.True(record.ThreadKey is null || (record.ThreadKey.Length > 0 && record.ThreadKey.Length <= RecordLimits.MaxIdLength), $"{sourceName}: record {record.ExternalId} has an empty or too long thread key");
        Assert.True(Enum.IsDefined(record.Channel), $"{sourceName}: record {record.ExternalId} has channel {record.Channel}, which is not defined");
        Assert.True(record.PriorityHint is null || Enum.IsDefined(record.PriorityHint.Value), $"{sourceName}: record {record.ExternalId} has an undefined priority");
        Assert.NotEqual(default, record.ReceivedAt);
        Assert.True(record.Subject.Length <= RecordLimits.MaxSubjectLength, $"{sourceName}: the subject of record {record.ExternalId} is longer than {RecordLimits.MaxSubjectLength}");
        Assert.True(record.Body.Length <= RecordLimits.MaxBodyLength, $"{sourceName}: the body of record {record.ExternalId} is longer than {RecordLimits.MaxBodyLength}");
        Assert.True(record.Diagnostics.Count <= RecordLimits.MaxDiagnostics, $"{sourceName}: record {record.ExternalId} has more than {RecordLimits.MaxDiagnostics} diagnostics");
        foreach (var (field, value, max) in new (string, string?, int)[]
        {
            ("requester.name", record.Requester.Name, RecordLimits.MaxFieldLength),
            ("requester.handle", record.Requester.Handle, RecordLimits.MaxFieldLength),
            ("requester.email", record.Requester.Email, RecordLimits.MaxAddressLength),
            ("requester.phone", record.Requester.Phone, RecordLimits.MaxAddressLength),
            ("product", record.Product, RecordLimits.MaxFieldLength),
            ("departmentHint", record.DepartmentHint, RecordLimits.MaxFieldLength),
        })
        {
            Assert.True(value is null || value.Length <= max, $"{sourceName}: {field} of record {record.ExternalId} is longer than {max}");
        }

        foreach (var (key, value) in record.Diagnostics)
        {
            Assert.True(key.Length <= RecordLimits.MaxFieldLength && value.Length <= RecordLimits.MaxDiagnosticLength, $"{sourceName}: diagnostic '{key}' of record {record.ExternalId} is too long");
        }
    }
}
