using System.Globalization;
using SyncHub.Domain;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// Turns a Freshcaller call into the hotline ticket's intake record. Polling and webhooks both map through here, so a
/// call that arrives both ways has the same <c>(Source, ExternalId)</c> and becomes one ticket.
/// </summary>
internal static class FreshcallerCallMapper
{
    public const string SourceName = "Freshcaller";

    private const int MaxSubjectNumberLength = 64;

    /// <summary>
    /// The record of <paramref name="call"/>, or null for a call that is not a ticket of its own: a child leg of another
    /// call (a transfer or a parallel dial, <c>parent_call_id</c> set), whose root call already makes the ticket.
    /// </summary>
    public static IntakeRecord? ToRecord(FreshcallerCall call, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Id is not { } id || call.ParentCallId is not null)
        {
            return null;
        }

        var customer = call.Participants?.FirstOrDefault(p => string.Equals(p.ParticipantType, "Customer", StringComparison.OrdinalIgnoreCase));
        var number = Clean(customer?.CallerNumber);
        var name = Clean(customer?.CallerName);
        var outgoing = string.Equals(call.Direction, "outgoing", StringComparison.OrdinalIgnoreCase);

        var diagnostics = new Dictionary<string, string>();
        Add(diagnostics, "direction", Clean(call.Direction));
        Add(diagnostics, "duration", Duration(call)?.ToString(CultureInfo.InvariantCulture));
        Add(diagnostics, "agent", Clean(call.AssignedAgentName));
        Add(diagnostics, "recordingUrl", Clean(call.Recording?.Url));
        Add(diagnostics, "callStatus", customer?.CallStatus?.ToString(CultureInfo.InvariantCulture));
        Add(diagnostics, "line", Clean(call.PhoneNumber));
        Add(diagnostics, "team", Clean(call.AssignedTeamName));
        Add(diagnostics, "queue", Clean(call.AssignedCallQueueName));

        return new IntakeRecord
        {
            Source = SourceName,
            ExternalId = id.ToString(CultureInfo.InvariantCulture),
            Channel = Channel.Phone,
            Requester = new Requester(Name: name is not null && name != number ? name : null, Phone: number),
            Subject = Subject(number, outgoing),
            Body = call.CallNotes?.Trim() ?? "",
            ReceivedAt = call.CreatedTime?.ToUniversalTime() ?? now,
            Diagnostics = diagnostics,
        };
    }

    private static string Subject(string? number, bool outgoing)
    {
        if (number is null)
        {
            return outgoing ? "Hotline call to an unknown number" : "Hotline call from an unknown number";
        }

        var shown = number.Length > MaxSubjectNumberLength ? number[..MaxSubjectNumberLength] : number;
        return outgoing ? $"Hotline call to {shown}" : $"Hotline call from {shown}";
    }

    /// <summary>
    /// The call's length in whole seconds: the billed duration, else the longest leg, else the recording's length.
    /// </summary>
    private static long? Duration(FreshcallerCall call)
    {
        var seconds = Seconds(call.BillDuration, call.BillDurationUnit)
            ?? call.Participants?.Select(p => Seconds(p.Duration, p.DurationUnit)).Max()
            ?? Seconds(call.Recording?.Duration, call.Recording?.DurationUnit);
        return seconds is { } value ? (long)Math.Round(value, MidpointRounding.AwayFromZero) : null;
    }

    private static double? Seconds(double? value, string? unit) => value switch
    {
        null => null,
        _ when string.Equals(unit, "minutes", StringComparison.OrdinalIgnoreCase) => value * 60,
        _ when string.Equals(unit, "hours", StringComparison.OrdinalIgnoreCase) => value * 3600,
        _ => value,
    };

    private static void Add(Dictionary<string, string> diagnostics, string key, string? value)
    {
        if (value is not null)
        {
            diagnostics[key] = value;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
