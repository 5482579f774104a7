using System.Globalization;

namespace SyncHub.Bench;

/// <summary>
/// The command line: <c>--records N --workers N --capacity N --in-flight N --body-bytes N --body varied|repeated
/// --compress-from N --rounds N --redis host:port</c>.
/// </summary>
internal sealed record BenchArguments
{
    public int Records { get; init; } = 100_000;

    /// <summary>
    /// Pipeline workers, each with one store call in flight; null means as many as the baseline has in flight
    /// (<see cref="InFlight"/>), so both sides get the same concurrency.
    /// </summary>
    public int? Workers { get; init; }

    /// <summary>Pipeline channel capacity; null keeps the pipeline's default.</summary>
    public int? Capacity { get; init; }

    /// <summary>Calls in flight in the baseline loop.</summary>
    public int InFlight { get; init; } = 1000;

    public int BodyBytes { get; init; } = 1024;

    /// <summary>
    /// The records' bodies are one sentence repeated, the same in every record (the bench's body before: it compresses
    /// about tenfold and flatters compression), rather than a message of its own each (<see cref="SupportText.Message"/>).
    /// </summary>
    public bool RepeatedBody { get; init; }

    /// <summary><c>SyncHub:Redis:CompressFrom</c> for the hub (0: never compress); null keeps the store's default.</summary>
    public int? CompressFrom { get; init; }

    /// <summary>Alternating baseline/SyncHub rounds; the medians are compared, so a burst of other load on the machine weighs less.</summary>
    public int Rounds { get; init; } = 5;

    /// <summary><c>intake</c> (the default) or <c>search</c> (<see cref="SearchScenario"/>).</summary>
    public string Scenario { get; init; } = "intake";

    /// <summary>
    /// The search scenario's key prefix on an existing Redis: tickets already loaded under it are not loaded again, and
    /// they are kept afterwards (to measure the searches again). Null: a fresh prefix, deleted afterwards.
    /// </summary>
    public string? SearchPrefix { get; init; }

    /// <summary>The search scenario prints, per query, the Redis commands its script ran (INFO commandstats).</summary>
    public bool SearchProfile { get; init; }

    /// <summary>An existing Redis (host:port); null starts a private redis-server.</summary>
    public string? Redis { get; init; }

    public static BenchArguments Parse(string[] args)
    {
        var parsed = new BenchArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            parsed = name switch
            {
                "--records" => parsed with { Records = Positive(name, value) },
                "--workers" => parsed with { Workers = Positive(name, value) },
                "--capacity" => parsed with { Capacity = Positive(name, value) },
                "--in-flight" => parsed with { InFlight = Positive(name, value) },
                "--body-bytes" => parsed with { BodyBytes = Positive(name, value) },
                "--body" when value is "varied" or "repeated" => parsed with { RepeatedBody = value == "repeated" },
                "--compress-from" => parsed with { CompressFrom = NonNegative(name, value) },
                "--rounds" => parsed with { Rounds = Positive(name, value) },
                "--redis" => parsed with { Redis = value },
                "--search-prefix" => parsed with { SearchPrefix = value },
                "--search-profile" when value is "yes" or "no" => parsed with { SearchProfile = value == "yes" },
                "--scenario" when value is "intake" or "search" => parsed with { Scenario = value },
                _ => throw new ArgumentException($"Unknown argument {name}. Use --records, --workers, --capacity, --in-flight, --body-bytes, --body varied|repeated, --compress-from, --rounds, --redis, --scenario intake|search, --search-prefix, --search-profile yes|no."),
            };
        }

        return parsed;
    }

    private static int NonNegative(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new ArgumentException($"{name} must be a whole number, 0 or more.");

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number.");
}
