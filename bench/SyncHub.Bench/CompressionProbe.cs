using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Pipeline;
using SyncHub.Redis;
using SyncHub.Redis.Scripts;
using SyncHub.Storage;

namespace SyncHub.Bench;

/// <summary>
/// What the stored form (<see cref="StoredArguments"/>, <see cref="StoredForm"/>) saves and costs per ticket, on one
/// thread and without Redis, so the CPU figure does not depend on the rounds' concurrency: the creation arguments of the
/// first records built as the store builds them, then put into their stored form; and the ticket and its history read
/// back from the plain and from the stored form. Each time is the fastest of several passes (other work on the machine
/// only ever slows a pass down).
/// </summary>
internal static class CompressionProbe
{
    private const int Tickets = 2_000;
    private const int Passes = 5;

    public static async Task<string> MeasureAsync(string endpoint, string prefix, IntakeRecord[] records, int compressFrom)
    {
        await using var hub = Hub.Build(endpoint, prefix, new BenchArguments());
        var factory = hub.GetRequiredService<TicketFactory>();
        var creations = new List<TicketCreation>(Tickets);
        foreach (var record in records.Take(Tickets))
        {
            creations.Add(await factory.CreateAsync(record, CancellationToken.None));
        }

        RedisValue ticketKey = prefix;
        var plain = creations.Select(c => CreateScriptArgs.Build(ticketKey, c)).ToList();
        var stored = creations.Select(c => CreateScriptArgs.Build(ticketKey, c, out _, compressFrom)).ToList();

        var build = Fastest(() =>
        {
            foreach (var creation in creations)
            {
                CreateScriptArgs.Build(ticketKey, creation, out var json);
                json.Dispose();
            }
        });
        var buildAndStore = Fastest(() =>
        {
            foreach (var creation in creations)
            {
                CreateScriptArgs.Build(ticketKey, creation, out var json, compressFrom);
                json.Dispose();
            }
        });
        var readPlain = Fastest(() => Read(plain));
        var readStored = Fastest(() => Read(stored));

        var count = creations.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"stored form (CompressFrom {compressFrom}; {count:N0} tickets, one thread, fastest of {Passes} passes): " +
            $"ticket JSON {plain.Average(a => Length(a[CreateScriptArgs.TicketJson - 1])):N0} B -> {stored.Average(a => Length(a[CreateScriptArgs.TicketJson - 1])):N0} B, " +
            $"creation history (one element) {plain.Average(HistoryBytes):N0} B -> {stored.Average(HistoryBytes):N0} B; " +
            $"CPU per ticket: building the arguments {build / count:F1} us, with the stored form {buildAndStore / count:F1} us ({(buildAndStore - build) / count:+0.0;-0.0}); " +
            $"reading ticket and history {readPlain / count:F1} us plain, {readStored / count:F1} us stored");
    }

    /// <summary>Reads every ticket and history the way <see cref="RedisTicketStore"/> does from what the script would store.</summary>
    private static void Read(List<RedisValue[]> arguments)
    {
        foreach (var args in arguments)
        {
            StoredForm.ReadTicket((byte[])args[CreateScriptArgs.TicketJson - 1]!);
            StoredForm.ReadHistory([(byte[])args[CreateScriptArgs.History - 1]!]);
        }
    }

    private static double HistoryBytes(RedisValue[] args) => Length(args[CreateScriptArgs.History - 1]);

    private static long Length(RedisValue value) => ((ReadOnlyMemory<byte>)value).Length;

    /// <summary>The fastest of <see cref="Passes"/> runs of <paramref name="pass"/>, in microseconds (after one not timed).</summary>
    private static double Fastest(Action pass)
    {
        pass();
        var best = double.MaxValue;
        for (var p = 0; p < Passes; p++)
        {
            var started = Stopwatch.GetTimestamp();
            pass();
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        return best;
    }
}
