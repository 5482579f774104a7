using System.Globalization;

namespace SyncHub.Load;

/// <summary>
/// The command line: <c>--connections N --duration S --warmup S --rounds N --body-bytes N --redis host:port
/// --flood-capacity N --flood-workers N --flood-duration S --benchmark-requests N --replica yes|no</c>.
/// </summary>
internal sealed record LoadArguments
{
    /// <summary>Concurrent HTTP connections (and redis-benchmark clients).</summary>
    public int Connections { get; init; } = 50;

    /// <summary>Measured seconds per run.</summary>
    public int Duration { get; init; } = 15;

    /// <summary>Unmeasured seconds before each run (JIT, connections, script cache).</summary>
    public int Warmup { get; init; } = 20;

    /// <summary>Alternating hub/bare rounds; the medians are compared.</summary>
    public int Rounds { get; init; } = 2;

    /// <summary>The form message size: the ticket body.</summary>
    public int BodyBytes { get; init; } = 1024;

    /// <summary>An existing Redis (host:port); null starts a private redis-server.</summary>
    public string? Redis { get; init; }

    /// <summary>The flood hub's <c>SyncHub:Pipeline:Capacity</c>; the flood uses ten times as many connections.</summary>
    public int FloodCapacity { get; init; } = 16;

    /// <summary>The flood hub's <c>SyncHub:Pipeline:Workers</c>: few, so the channel fills.</summary>
    public int FloodWorkers { get; init; } = 1;

    public int FloodDuration { get; init; } = 20;

    /// <summary>Also run the hub with <c>MinReplicasAcked</c> = 1 against a replica, to measure what WAIT costs (<c>--replica no</c> skips it).</summary>
    public bool Replica { get; init; } = true;

    /// <summary>Requests per redis-benchmark test.</summary>
    public int BenchmarkRequests { get; init; } = 100_000;

    public static LoadArguments Parse(string[] args)
    {
        var parsed = new LoadArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            parsed = name switch
            {
                "--connections" => parsed with { Connections = Positive(name, value) },
                "--duration" => parsed with { Duration = Positive(name, value) },
                "--warmup" => parsed with { Warmup = Positive(name, value) },
                "--rounds" => parsed with { Rounds = Positive(name, value) },
                "--body-bytes" => parsed with { BodyBytes = Positive(name, value) },
                "--redis" => parsed with { Redis = value },
                "--flood-capacity" => parsed with { FloodCapacity = Positive(name, value) },
                "--flood-workers" => parsed with { FloodWorkers = Positive(name, value) },
                "--flood-duration" => parsed with { FloodDuration = Positive(name, value) },
                "--benchmark-requests" => parsed with { BenchmarkRequests = Positive(name, value) },
                "--replica" => parsed with { Replica = value switch { "yes" => true, "no" => false, _ => throw new ArgumentException("--replica must be yes or no.") } },
                _ => throw new ArgumentException(
                    $"Unknown argument {name}. Use --connections, --duration, --warmup, --rounds, --body-bytes, --redis, " +
                    "--flood-capacity, --flood-workers, --flood-duration, --benchmark-requests, --replica."),
            };
        }

        return parsed;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number.");
}
