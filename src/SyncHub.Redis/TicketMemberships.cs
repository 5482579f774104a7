using System.Buffers;
using System.Globalization;
using System.Text;
using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Redis.Scripts;
using SyncHub.Storage;

namespace SyncHub.Redis;

/// <summary>
/// The search, sort and view sets a ticket belongs to (those the scripts keep through generic index operations; the
/// older filter indexes and SLA sets have their own arguments). Each holds the ticket number:
/// <list type="bullet">
/// <item><c>index:unassigned</c>, <c>index:replied</c>, <c>index:open-breached</c>,
/// <c>index:open-department:{D}</c>, <c>index:open-assignee:{a}</c> (open work only) and <c>index:assignee:{a}</c>
/// (every status): bitmaps, bit n for ticket n (a score of null; <c>Scripts/index-bitmaps.lua</c>); the views' counts
/// are their BITCOUNTs;</item>
/// <item><c>index:risk</c> scored by when the ticket is at risk (<see cref="TicketOrder.AtRiskFrom"/>, ms);</item>
/// <item><c>sort:due</c>, <c>sort:priority</c>, <c>sort:updated</c> scored by <see cref="TicketOrder.Score"/>;</item>
/// <item>per search token <c>w:{token}</c> a set of numbers, and the token in <c>vocab</c> (a lexicographic zset for
/// prefix expansion), while some ticket has it; a token only one ticket has is a <c>vocab</c> entry of the token,
/// U+0001 and the number, without a key (<c>index-ops.lua</c>).</item>
/// </list>
/// </summary>
internal static class TicketMemberships
{
    public const string OpAddZ = "z+";
    public const string OpRemoveZ = "z-";
    public const string OpAddToken = "t+";
    public const string OpRemoveToken = "t-";

    /// <summary>What separates the tokens of a new ticket in their one argument: no token holds a space (<see cref="SearchTokens"/>).</summary>
    public const byte TokenSeparator = (byte)' ';

    private static readonly Dictionary<Department, string> OpenDepartments =
        Enum.GetValues<Department>().ToDictionary(d => d, d => "index:open-department:" + d);

    /// <summary>An agent's <c>index:assignee:{a}</c> and <c>index:open-assignee:{a}</c> keys, made once per agent (agents are few).</summary>
    private static readonly RecurringValues<string, (string All, string Open)> AssigneeSets = new(static assignee =>
    {
        var key = AssigneeKey(assignee);
        return ("index:assignee:" + key, "index:open-assignee:" + key);
    });

    [ThreadStatic]
    private static TokenWriter? threadTokens;

    [ThreadStatic]
    private static List<(string Key, long? Score)>? threadSets;

    /// <summary>
    /// The sets of <paramref name="ticket"/> with their scores (null: an index bitmap, which holds the number as bit n), each once: a list, as creation
    /// only lays them out and a diff compares a dozen at most.
    /// </summary>
    public static List<(string Key, long? Score)> Of(Ticket ticket, bool withFilterIndexes = false)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var sets = new List<(string Key, long? Score)>(withFilterIndexes ? 16 : 8);
        Fill(sets, ticket, withFilterIndexes);
        return sets;
    }

    /// <summary>
    /// As <see cref="Of"/> without the filter indexes, in this thread's one list: valid until the next call on the thread, for
    /// a caller that lays the sets out before it awaits anything (a creation's arguments).
    /// </summary>
    public static List<(string Key, long? Score)> OfNew(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var sets = threadSets ??= new List<(string Key, long? Score)>(16);
        sets.Clear();
        Fill(sets, ticket, withFilterIndexes: false);
        return sets;
    }

    private static void Fill(List<(string Key, long? Score)> sets, Ticket ticket, bool withFilterIndexes)
    {
        sets.Add(("sort:due", TicketOrder.Score(ticket, TicketSort.SlaDue)));
        sets.Add(("sort:priority", TicketOrder.Score(ticket, TicketSort.Priority)));
        sets.Add(("sort:updated", TicketOrder.Score(ticket, TicketSort.Updated)));
        if (withFilterIndexes)
        {
            // The sets create.lua and update.lua keep through their own arguments; a merge keeps them here.
            sets.Add(("index:" + TicketIndexes.Of(ticket.Department), null));
            sets.Add(("index:" + TicketIndexes.Of(ticket.Status), null));
            sets.Add(("index:" + TicketIndexes.Of(ticket.Priority), null));
            sets.Add(("index:" + TicketIndexes.Of(ticket.Channel), null));
            foreach (var (kind, at) in SlaDeadlines.Live(ticket))
            {
                sets.Add((TicketIndexes.SlaSets[(int)kind], TicketIndexes.Score(at)));
            }

            if (SlaDeadlines.IsBreached(ticket))
            {
                sets.Add(("index:" + TicketIndexes.Breached, null));
            }

            if (ticket is { Status: TicketStatus.Solved, SolvedAt: { } solvedAt })
            {
                sets.Add(("solved", solvedAt.ToUnixTimeMilliseconds()));
            }
        }

        var assigneeKeys = ticket.Assignee is { Length: > 0 } assignee ? AssigneeSets[assignee] : default;
        if (assigneeKeys.All is { } all)
        {
            sets.Add((all, null));
        }

        if (ticket.MergedInto is not null || !TicketOrder.IsOpen(ticket))
        {
            return;
        }

        sets.Add((OpenDepartment(ticket.Department), null));
        if (assigneeKeys.Open is { } open)
        {
            sets.Add((open, null));
        }
        else
        {
            sets.Add(("index:unassigned", null));
        }

        if (ticket.CustomerReplied)
        {
            sets.Add(("index:replied", null));
        }

        if (SlaDeadlines.IsBreached(ticket))
        {
            sets.Add(("index:open-breached", null));
        }

        if (TicketOrder.AtRiskFrom(ticket) is { } risk)
        {
            sets.Add(("index:risk", TicketOrder.Ms(risk)));
        }
    }

    /// <summary>The search tokens of <paramref name="ticket"/> (none for a merged ticket).</summary>
    public static HashSet<string> TokensOf(Ticket ticket) =>
        ticket?.MergedInto is not null ? [] : SearchTokens.Of(ticket!);

    /// <summary>The key part of an assignee: folded, trimmed.</summary>
    public static string AssigneeKey(string assignee) => SearchTokens.Fold(assignee.Trim());

    /// <summary>
    /// The operations that take the sets and tokens of <paramref name="before"/> (null: none) to those of
    /// <paramref name="after"/> (null: none), as (op, key, score) triples; the tokens are only computed again when a
    /// field they come from changed.
    /// </summary>
    public static List<(string Op, string Key, RedisValue Score)> Diff(Ticket? before, Ticket? after, bool withFilterIndexes = false)
    {
        var ops = new List<(string, string, RedisValue)>();
        var old = before is null ? [] : Of(before, withFilterIndexes);
        var now = after is null ? [] : Of(after, withFilterIndexes);
        foreach (var (key, _) in old)
        {
            if (IndexOf(now, key) < 0)
            {
                ops.Add((OpRemoveZ, key, RedisValue.EmptyString));
            }
        }

        foreach (var (key, score) in now)
        {
            var was = IndexOf(old, key);
            if (was < 0 || old[was].Score != score)
            {
                ops.Add((OpAddZ, key, score is { } s ? s : RedisValue.EmptyString));
            }
        }

        if (before is not null && after is not null && !TokensMayDiffer(before, after))
        {
            return ops;
        }

        var oldTokens = before is null ? [] : TokensOf(before);
        var newTokens = after is null ? [] : TokensOf(after);
        foreach (var token in oldTokens)
        {
            if (!newTokens.Contains(token))
            {
                ops.Add((OpRemoveToken, token, RedisValue.EmptyString));
            }
        }

        foreach (var token in newTokens)
        {
            if (!oldTokens.Contains(token))
            {
                ops.Add((OpAddToken, token, RedisValue.EmptyString));
            }
        }

        return ops;
    }

    /// <summary>Writes <paramref name="ops"/> as count, then op, key, score each, from <paramref name="position"/>; returns the position after them.</summary>
    public static int Put(Argv argv, int position, List<(string Op, string Key, RedisValue Score)> ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        argv[position++] = ops.Count;
        foreach (var (op, key, score) in ops)
        {
            argv[position++] = op;
            argv[position++] = key;
            argv[position++] = score;
        }

        return position;
    }

    /// <summary>How many ARGV positions <see cref="Put"/> takes for <paramref name="ops"/>.</summary>
    public static int Width(List<(string Op, string Key, RedisValue Score)> ops) => 1 + (ops?.Count ?? 0) * 3;

    /// <summary>
    /// Writes what create.lua's <c>addTicket</c> (index-ops.lua) takes for the new <paramref name="ticket"/> with these
    /// <paramref name="sets"/> (<see cref="Of"/>): the operations <see cref="Diff"/> from no ticket gives, laid out
    /// compactly: the count of sets, then key and score each, then one argument with every token (<see cref="TokensOf"/>),
    /// separated by <see cref="TokenSeparator"/> (written by <paramref name="json"/>). Returns the position after them.
    /// </summary>
    public static int PutAdded(Argv argv, int position, List<(string Key, long? Score)> sets, Ticket ticket, StoreJson.Buffer json)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(json);
        argv[position++] = sets.Count;
        foreach (var (key, score) in sets)
        {
            argv[position++] = key;
            argv[position++] = score is { } s ? s : RedisValue.EmptyString;
        }

        argv[position++] = (threadTokens ??= new TokenWriter()).Write(ticket, json);
        return position;
    }

    /// <summary>How many ARGV positions <see cref="PutAdded"/> takes.</summary>
    public static int Width(List<(string Key, long? Score)> sets) => 1 + ((sets?.Count ?? 0) * 2) + 1;

    public static string Number(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static int IndexOf(List<(string Key, long? Score)> sets, string key)
    {
        for (var i = 0; i < sets.Count; i++)
        {
            if (sets[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The open-department set of <paramref name="department"/>, its key made once per value.</summary>
    private static string OpenDepartment(Department department) =>
        OpenDepartments.TryGetValue(department, out var key) ? key : "index:open-department:" + department;

    private static bool TokensMayDiffer(Ticket before, Ticket after) =>
        before.Subject != after.Subject || before.Body != after.Body || before.Requester != after.Requester
        || before.Account?.Name != after.Account?.Name || before.MergedInto != after.MergedInto;

    /// <summary>
    /// Writes the tokens of a new ticket into its creation's buffer, each once, separated by <see cref="TokenSeparator"/>.
    /// One per thread. A token is looked up among those this creation wrote already by its UTF-8 bytes, in an open-addressed
    /// table of where each starts in the value being written: no string and no set per ticket or per token. Slots written
    /// by earlier creations are told apart by their stamp, so nothing is cleared between tickets.
    /// </summary>
    private sealed class TokenWriter : ITokenSink
    {
        /// <summary>The longest token encoded on the stack (an e-mail address is one token of up to 254 characters).</summary>
        private const int StackBytes = 1_024;

        private int[] stamps = new int[1_024];
        private int[] starts = new int[1_024];
        private int[] lengths = new int[1_024];
        private StoreJson.Buffer? json;
        private int creation;
        private int count;

        /// <summary>The tokens of <paramref name="ticket"/> (none for a merged ticket), as one value of <paramref name="buffer"/>.</summary>
        public ReadOnlyMemory<byte> Write(Ticket ticket, StoreJson.Buffer buffer)
        {
            if (++creation == int.MaxValue)
            {
                Array.Clear(stamps);
                creation = 1;
            }

            (json, count) = (buffer, 0);
            try
            {
                if (ticket.MergedInto is null)
                {
                    SearchTokens.AddTo(this, ticket);
                }

                return buffer.EndValue();
            }
            finally
            {
                json = null;
            }
        }

        public void Add(ReadOnlySpan<char> token)
        {
            var most = Encoding.UTF8.GetMaxByteCount(token.Length);
            byte[]? rented = null;
            var utf8 = most <= StackBytes ? stackalloc byte[most] : (rented = ArrayPool<byte>.Shared.Rent(most));
            var bytes = utf8[..Encoding.UTF8.GetBytes(token, utf8)];
            var slot = Find(bytes, Hash(bytes));
            if (slot >= 0)
            {
                var value = json!;
                if (count > 0)
                {
                    value.Append(TokenSeparator);
                }

                (stamps[slot], starts[slot], lengths[slot]) = (creation, value.Unended.Length, bytes.Length);
                value.Append(bytes);
                if (++count * 2 > stamps.Length)
                {
                    Grow();
                }
            }

            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        /// <summary>FNV-1a of the token's bytes.</summary>
        private static int Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = 2_166_136_261u;
            foreach (var b in bytes)
            {
                hash = (hash ^ b) * 16_777_619u;
            }

            return (int)(hash & int.MaxValue);
        }

        /// <summary>The free slot for <paramref name="bytes"/>, or -1 when this creation wrote them already.</summary>
        private int Find(ReadOnlySpan<byte> bytes, int hash)
        {
            var written = json!.Unended;
            var mask = stamps.Length - 1;
            for (var slot = hash & mask; ; slot = (slot + 1) & mask)
            {
                if (stamps[slot] != creation)
                {
                    return slot;
                }

                if (written.Slice(starts[slot], lengths[slot]).SequenceEqual(bytes))
                {
                    return -1;
                }
            }
        }

        /// <summary>Doubles the table (a ticket with more distinct words than half its slots), its tokens placed again.</summary>
        private void Grow()
        {
            var (oldStamps, oldStarts, oldLengths) = (stamps, starts, lengths);
            (stamps, starts, lengths) = (new int[oldStamps.Length * 2], new int[oldStamps.Length * 2], new int[oldStamps.Length * 2]);
            var written = json!.Unended;
            for (var i = 0; i < oldStamps.Length; i++)
            {
                if (oldStamps[i] == creation)
                {
                    var slot = Find(written.Slice(oldStarts[i], oldLengths[i]), Hash(written.Slice(oldStarts[i], oldLengths[i])));
                    (stamps[slot], starts[slot], lengths[slot]) = (creation, oldStarts[i], oldLengths[i]);
                }
            }
        }
    }
}
