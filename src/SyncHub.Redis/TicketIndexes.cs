using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>
/// The index sets a ticket belongs to: one per department, status, priority and channel value (the key
/// suffix after <c>index:</c>), and the SLA due-time sets while its clock runs toward a due time.
/// </summary>
internal static class TicketIndexes
{
    private static readonly string[] Departments = Names<Department>("department");
    private static readonly string[] Statuses = Names<TicketStatus>("status");
    private static readonly string[] Priorities = Names<Priority>("priority");
    private static readonly string[] Channels = Names<Channel>("channel");

    public static string Of(Department value) => Pick(Departments, (int)value, "department", value);

    public static string Of(TicketStatus value) => Pick(Statuses, (int)value, "status", value);

    public static string Of(Priority value) => Pick(Priorities, (int)value, "priority", value);

    public static string Of(Channel value) => Pick(Channels, (int)value, "channel", value);

    /// <summary>The index suffixes a query filters on, in the order department, status, priority, channel.</summary>
    public static List<string> Filters(TicketQuery query)
    {
        var filters = new List<string>(4);
        if (query.Department is { } department)
        {
            filters.Add(Of(department));
        }

        if (query.Status is { } status)
        {
            filters.Add(Of(status));
        }

        if (query.Priority is { } priority)
        {
            filters.Add(Of(priority));
        }

        if (query.Channel is { } channel)
        {
            filters.Add(Of(channel));
        }

        return filters;
    }

    /// <summary>
    /// The first-response due time (unix ms) while the ticket waits for its first response: the SLA has that
    /// due time, nobody responded yet, it is not breached yet, not paused and the ticket is not solved or closed.
    /// </summary>
    public static long? FirstResponseDue(Ticket ticket) =>
        ticket.Sla is { FirstResponseDueAt: { } due, FirstRespondedAt: null, FirstResponseBreached: false } sla && Running(ticket, sla)
            ? due.ToUnixTimeMilliseconds()
            : null;

    /// <summary>The resolution due time (unix ms) while the resolution clock runs (same conditions).</summary>
    public static long? ResolutionDue(Ticket ticket) =>
        ticket.Sla is { ResolutionDueAt: { } due, ResolutionBreached: false } sla && Running(ticket, sla)
            ? due.ToUnixTimeMilliseconds()
            : null;

    private static bool Running(Ticket ticket, SlaStamp sla) =>
        !sla.Paused && ticket.Status is not (TicketStatus.Solved or TicketStatus.Closed);

    private static string[] Names<TEnum>(string dimension)
        where TEnum : struct, Enum
    {
        var values = Enum.GetValues<TEnum>();
        var names = new string[values.Length];
        foreach (var value in values)
        {
            names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)] = $"{dimension}:{value}";
        }

        return names;
    }

    private static string Pick<TEnum>(string[] names, int index, string dimension, TEnum value)
        where TEnum : struct, Enum =>
        (uint)index < (uint)names.Length ? names[index] : $"{dimension}:{value}";
}
