using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace SyncHub.Bench;

/// <summary>
/// The Redis memory of one round's tickets by key kind, from <c>MEMORY USAGE key SAMPLES 0</c> (every element counted)
/// of every key (a kind of more than <see cref="SamplePerKind"/> keys: an even sample, scaled up to the kind's key
/// count), per ticket. The outbox entries are listed apart: a notifier group's acknowledgement lets
/// them be trimmed (<c>SyncHub:Outbox:TrimInterval</c>), and no notifier runs in the bench.
/// </summary>
internal static class MemoryBreakdown
{
    private const int SamplePerKind = 200_000;

    /// <summary>MEMORY USAGE calls in flight at once.</summary>
    private const int Batch = 1_000;

    private const string Outbox = "outbox stream (transient)";

    private static readonly string[] Kinds =
    [
        "ticket (ticket:{id}: header, JSON, first history element)",
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
            $"Redis memory per ticket by key kind (MEMORY USAGE of the last round's keys, {tickets:N0} tickets):"));
        double total = 0;
        double outbox = 0;
        foreach (var kind in Kinds)
        {
            var all = keys[kind];
            var stride = Math.Max(1, all.Count / SamplePerKind);
            var measured = all.Where((_, k) => k % stride == 0).ToList();
            var bytes = 0L;
            foreach (var batch in measured.Chunk(Batch))
            {
                var usages = await Task.WhenAll(batch.Select(key => database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0")));
                bytes += usages.Sum(u => (long)u);
            }

            var sampled = measured.Count;

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
