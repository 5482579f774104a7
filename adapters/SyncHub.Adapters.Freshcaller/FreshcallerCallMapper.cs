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

    /// <summary>The prefix of the thread key every record of one call tree carries: <c>freshcaller:call:{root call id}</c>.</summary>
    public const string ThreadKeyPrefix = "freshcaller:call:";

    /// <summary>
    /// The record of <paramref name="call"/>, which must have an id. Every call carries the thread key of its call tree
    /// (<see cref="ThreadKey"/>): a root call opens the ticket and its key, and a child leg (a transfer or a parallel
    /// dial, <c>parent_call_id</c> set) carries the same key, so the core threads it, with its notes, onto the root
    /// call's ticket.
    /// </summary>
    /// <param name="call">The call.</param>
    /// <param name="now">The clock's now, the record's time when the call has none.</param>
    /// <param name="summaryMarker">
    /// The marker an agent starts the caller-facing part of the notes with (see <see cref="CustomerSummary"/>); null or
    /// empty: no part of the notes is ever meant for the caller.
    /// </param>
    public static IntakeRecord ToRecord(FreshcallerCall call, DateTimeOffset now, string? summaryMarker = FreshcallerOptions.DefaultCustomerSummaryMarker)
    {
        ArgumentNullException.ThrowIfNull(call);
        var id = call.Id ?? throw new ArgumentException("The Freshcaller call has no id.", nameof(call));
        var customer = call.Participants?.FirstOrDefault(p => string.Equals(p.ParticipantType, "Customer", StringComparison.OrdinalIgnoreCase));
        var number = Clean(customer?.CallerNumber);
        var name = Clean(customer?.CallerName);
        var outgoing = string.Equals(call.Direction, "outgoing", StringComparison.OrdinalIgnoreCase);

        var diagnostics = new Dictionary<string, string>();
        Add(diagnostics, "direction", Clean(call.Direction));
        Add(diagnostics, CallDiagnostics.Duration, Duration(call)?.ToString(CultureInfo.InvariantCulture));
        Add(diagnostics, CallDiagnostics.Agent, Clean(call.AssignedAgentName));
        Add(diagnostics, "recordingUrl", Clean(call.Recording?.Url));
        Add(diagnostics, "callStatus", customer?.CallStatus?.ToString(CultureInfo.InvariantCulture));
        Add(diagnostics, "line", Clean(call.PhoneNumber));
        Add(diagnostics, "team", Clean(call.AssignedTeamName));
        Add(diagnostics, "queue", Clean(call.AssignedCallQueueName));
        Add(diagnostics, "parentCallId", call.ParentCallId?.ToString(CultureInfo.InvariantCulture));
        Add(diagnostics, CallDiagnostics.CustomerSummary, CustomerSummary(call.CallNotes, summaryMarker));
        var leg = call.ParentCallId is not null;

        return new IntakeRecord
        {
            Source = SourceName,
            ExternalId = id.ToString(CultureInfo.InvariantCulture),
            Channel = Channel.Phone,
            Requester = new Requester(Name: name is not null && name != number ? name : null, Phone: number),
            ThreadKey = ThreadKey(call),
            Subject = leg ? $"{Subject(number, outgoing)} (transfer leg)" : Subject(number, outgoing),
            Body = call.CallNotes?.Trim() ?? "",
            ReceivedAt = call.CreatedTime?.ToUniversalTime() ?? now,
            Diagnostics = diagnostics,
        };
    }

    /// <summary>
    /// The key of the call tree <paramref name="call"/> belongs to: its root call's id (<c>root_call_id</c>, else
    /// <c>parent_call_id</c> for a child leg), or its own id for a root call.
    /// </summary>
    public static string ThreadKey(FreshcallerCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var root = call.ParentCallId is null ? call.Id : call.RootCallId ?? call.ParentCallId;
        return ThreadKeyPrefix + root?.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The part of <paramref name="notes"/> the agent wrote for the caller: the text after <paramref name="marker"/> on
    /// the first line that starts with it (case-insensitive, leading spaces ignored), and the lines after it up to the
    /// first blank line or the end. Null when no line carries the marker or nothing follows it. At most
    /// <see cref="RecordLimits.MaxDiagnosticLength"/> characters; longer text is cut at a word.
    /// </summary>
    public static string? CustomerSummary(string? notes, string? marker)
    {
        if (string.IsNullOrWhiteSpace(notes) || string.IsNullOrWhiteSpace(marker))
        {
            return null;
        }

        marker = marker.Trim();
        var lines = notes.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith(marker, StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return null;
        }

        var parts = new List<string> { lines[start].TrimStart()[marker.Length..].Trim() };
        parts.AddRange(lines.Skip(start + 1).TakeWhile(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()));
        var summary = string.Join("\n", parts.Where(p => p.Length > 0));
        if (summary.Length > RecordLimits.MaxDiagnosticLength)
        {
            var cut = summary.LastIndexOf(' ', RecordLimits.MaxDiagnosticLength - 1);
            summary = summary[..(cut > 0 ? cut : RecordLimits.MaxDiagnosticLength)];
        }

        return summary.Length == 0 ? null : summary;
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
