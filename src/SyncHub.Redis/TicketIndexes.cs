using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Redis.Scripts;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>
/// The index sets a ticket belongs to: one per department, status, priority and channel value (the key
/// suffix after <c>index:</c>), the breached index (bitmaps: bit n set for ticket n, <c>Scripts/index-bitmaps.lua</c>),
/// and one SLA set per live deadline
/// (<see cref="SlaDeadlines.Live"/> decides which; this class only lays them out for the scripts).
/// </summary>
internal static class TicketIndexes
{
    /// <summary>The index of tickets with a breached SLA target (<see cref="SlaDeadlines.IsBreached"/>).</summary>
    public const string Breached = "breached";

    /// <summary>A filter that a ticket must <em>not</em> be in the index named after this mark.</summary>
    public const string NotIn = "!";

    /// <summary>
    /// The SLA sets, one per <see cref="SlaDeadlineKind"/> in the order of its values (the Lua scripts name them
    /// in the same order in <c>Scripts/sla-sets.lua</c>; a test compares the two).
    /// </summary>
    public static IReadOnlyList<string> SlaSets { get; } =
        ["sla:first-response", "sla:resolution", "sla:first-response-at-risk", "sla:resolution-at-risk"];

    private static readonly string[] Departments = Names<Department>("department");
    private static readonly string[] Statuses = Names<TicketStatus>("status");
    private static readonly string[] Priorities = Names<Priority>("priority");
    private static readonly string[] Channels = Names<Channel>("channel");

    public static string Of(Department value) => Pick(Departments, (int)value, "department", value);

    public static string Of(TicketStatus value) => Pick(Statuses, (int)value, "status", value);

    public static string Of(Priority value) => Pick(Priorities, (int)value, "priority", value);

    public static string Of(Channel value) => Pick(Channels, (int)value, "channel", value);

    /// <summary>
    /// The index suffixes a query filters on, in the order department, status, priority, channel, breached;
    /// <c>Breached == false</c> is <c>!breached</c> (not a member of the breached index).
    /// </summary>
    public static List<string> Filters(TicketQuery query)
    {
        var filters = new List<string>(5);
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

        if (query.Breached is { } breached)
        {
            filters.Add(breached ? Breached : NotIn + Breached);
        }

        return filters;
    }

    /// <summary>
    /// Puts the score of each SLA set for <paramref name="ticket"/> at <paramref name="argv"/>[<paramref name="firstResponseScore"/> +
    /// (int)kind] (the builders name those four positions so): the instant of its live deadline of that kind
    /// (<see cref="SlaDeadlines.Live"/>), or '' when it has none, so the scripts add it to or remove it from that set.
    /// </summary>
    public static void PutSlaScores(Argv argv, int firstResponseScore, Ticket ticket)
    {
        for (var k = 0; k < SlaSets.Count; k++)
        {
            argv[firstResponseScore + k] = RedisValue.EmptyString;
        }

        foreach (var (kind, instant) in SlaDeadlines.Live(ticket))
        {
            argv[firstResponseScore + (int)kind] = Score(instant);
        }
    }

    /// <summary>
    /// The number of tickets in the index at <paramref name="key"/>, a bitmap (BITCOUNT, queued on <paramref name="batch"/>).
    /// An index a deployment wrote before they were bitmaps is a sorted set until a script meets it
    /// (<c>Scripts/index-bitmaps.lua</c> converts it then); its BITCOUNT answers WRONGTYPE and it is counted by ZCARD.
    /// </summary>
    public static async Task<long> SizeAsync(IBatch batch, IDatabaseAsync database, RedisKey key)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(database);
        var count = batch.StringBitCountAsync(key);
        try
        {
            return await count;
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal))
        {
            return await database.SortedSetLengthAsync(key);
        }
    }

    /// <summary>'1' when the ticket belongs in the breached index, '0' otherwise.</summary>
    public static RedisValue IsBreached(Ticket ticket) => SlaDeadlines.IsBreached(ticket) ? 1 : 0;

    /// <summary>
    /// The score of an SLA instant: unix milliseconds, rounded up to the next whole millisecond, so that a
    /// deadline <see cref="RedisTicketStore.DueAsync"/> returns for <c>until</c> (rounded down) is never later
    /// than <c>until</c>.
    /// </summary>
    public static long Score(DateTimeOffset instant)
    {
        var ms = instant.ToUnixTimeMilliseconds();
        return instant.UtcTicks % TimeSpan.TicksPerMillisecond == 0 ? ms : ms + 1;
    }

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
