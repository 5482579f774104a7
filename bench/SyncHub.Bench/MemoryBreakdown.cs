using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace SyncHub.Bench;

/// <summary>
/// The Redis memory of one round's tickets by key kind, from <c>MEMORY USAGE key SAMPLES 0</c> (every element counted):
/// every key of a kind with few keys, a sample of a kind with one key per ticket or per search token (scaled up to
/// the kind's key count), per ticket. The outbox entries are listed apart: a notifier group's acknowledgement lets
/// them be trimmed (<c>SyncHub:Outbox:TrimInterval</c>), and no notifier runs in the bench.
/// </summary>
internal static class MemoryBreakdown
{
    private const int SamplePerKind = 2_000;

    private const string Outbox = "outbox stream (transient)";

    private static readonly string[] Kinds =
    [
        "ticket hash (ticket:{id})",
        "history list (ticket:{id}:history)",
        Outbox,
        "indexes, sort and SLA sets (index:*, sort:*, sla:*, solved)",
        "search words (w:*, vocab, search:*)",
        "idempotency, numbers, threads, counter",
        "other (ticket:{id}:actions, accounts...)",
    ];

    public static async Task<string> MeasureAsync(IServer server, IDatabase database, string prefix, int tickets)
    {
        var keys = Kinds.ToDictionary(k => k, _ => new List<RedisKey>(), StringComparer.Ordinal);
        await foreach (var key in server.KeysAsync(pattern: prefix + "*", pageSize: 1000))
        {
            keys[Kind(((string)key!)[prefix.Length..])].Add(key);
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"Redis memory per ticket by key kind (MEMORY USAGE over the last round's {tickets:N0} tickets; a kind of more than {SamplePerKind:N0} keys sampled):"));
        double total = 0;
        double outbox = 0;
        foreach (var kind in Kinds)
        {
            var all = keys[kind];
            var stride = Math.Max(1, all.Count / SamplePerKind);
            long sampled = 0;
            var bytes = 0L;
            for (var k = 0; k < all.Count; k += stride)
            {
                bytes += (long)await database.ExecuteAsync("MEMORY", "USAGE", all[k], "SAMPLES", "0");
                sampled++;
            }

            var perTicket = sampled == 0 ? 0 : (double)bytes * all.Count / sampled / tickets;
            total += perTicket;
            outbox += kind == Outbox ? perTicket : 0;
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {kind,-62} {perTicket,7:N0} B  ({all.Count:N0} keys, {sampled:N0} measured)");
        }

        text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {"total",-62} {total,7:N0} B");
        text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {"total without the transient outbox entries",-62} {total - outbox,7:N0} B");
        return text.ToString();
    }

    private static string Kind(string key) => key switch
    {
        _ when key.StartsWith("ticket:", StringComparison.Ordinal) && key.EndsWith(":history", StringComparison.Ordinal) => Kinds[1],
        _ when key.StartsWith("ticket:", StringComparison.Ordinal) && key.EndsWith(":actions", StringComparison.Ordinal) => Kinds[6],
        _ when key.StartsWith("ticket:", StringComparison.Ordinal) => Kinds[0],
        "outbox" => Kinds[2],
        "solved" => Kinds[3],
        _ when key.StartsWith("index:", StringComparison.Ordinal) || key.StartsWith("sort:", StringComparison.Ordinal) || key.StartsWith("sla:", StringComparison.Ordinal) => Kinds[3],
        "vocab" => Kinds[4],
        _ when key.StartsWith("w:", StringComparison.Ordinal) || key.StartsWith("search:", StringComparison.Ordinal) => Kinds[4],
        "idempotency" or "numbers" or "threads" or "counter" => Kinds[5],
        _ => Kinds[6],
    };
}
