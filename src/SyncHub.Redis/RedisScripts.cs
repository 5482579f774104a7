namespace SyncHub.Redis;

/// <summary>
/// Every Lua script of the Redis stores, read once from the <c>Scripts/*.lua</c> files embedded in this assembly. A
/// script that uses shared fragments names them, and its text is those fragments and then its own file, in that
/// order. A file that is missing or empty throws when this class is first used, which
/// <see cref="RedisServiceCollectionExtensions.AddRedisStore"/> does at registration (<see cref="EnsureLoaded"/>).
/// Each script starts with a header naming its arguments; its builder in <c>Scripts/</c> (create.lua:
/// <c>CreateScriptArgs</c>) is the only C# that knows their positions.
/// </summary>
internal static class RedisScripts
{
    private const string AppendHistory = "append-history";
    private const string SlaSets = "sla-sets";
    private const string ReadTickets = "read-tickets";
    private const string IndexOps = "index-ops";
    private const string TicketRecord = "ticket-record";
    private const string ReviewCount = "review-count";
    private const string IndexBitmaps = "index-bitmaps";

    public static readonly RedisScript Create = Load("create", TicketRecord, IndexBitmaps, SlaSets, IndexOps, ReviewCount);
    public static readonly RedisScript Get = Load("get", TicketRecord);
    public static readonly RedisScript List = Load("list", TicketRecord, ReadTickets, IndexBitmaps);
    public static readonly RedisScript Update = Load("update", TicketRecord, AppendHistory, IndexBitmaps, SlaSets, IndexOps);
    public static readonly RedisScript Search = Load("search", TicketRecord, ReadTickets, IndexBitmaps);
    public static readonly RedisScript Merge = Load("merge", TicketRecord, IndexBitmaps, IndexOps);
    public static readonly RedisScript Due = Load("due", IndexBitmaps, SlaSets);
    public static readonly RedisScript AccountsUpsert = Load("accounts-upsert");
    public static readonly RedisScript AccountsFind = Load("accounts-find");
    public static readonly RedisScript AccountsRemove = Load("accounts-remove");
    public static readonly RedisScript LeaseAcquire = Load("lease-acquire");
    public static readonly RedisScript LeaseRenew = Load("lease-renew");
    public static readonly RedisScript LeaseRelease = Load("lease-release");
    public static readonly RedisScript CheckpointCommit = Load("checkpoint-commit");
    public static readonly RedisScript OutboxClaim = Load("outbox-claim");
    public static readonly RedisScript OutboxTrim = Load("outbox-trim");
    public static readonly RedisScript ReviewSignal = Load("review-signal", ReviewCount);

    /// <summary>Every script above (static fields are set in the order they are written, so this comes last).</summary>
    public static IReadOnlyList<RedisScript> All { get; } =
    [
        Create, Get, List, Update, Search, Merge, Due, AccountsUpsert, AccountsFind, AccountsRemove,
        LeaseAcquire, LeaseRenew, LeaseRelease, CheckpointCommit, OutboxClaim, OutboxTrim, ReviewSignal,
    ];

    /// <summary>The fragments, which are no script of their own.</summary>
    public static IReadOnlyList<string> Fragments { get; } = [TicketRecord, AppendHistory, IndexBitmaps, SlaSets, IndexOps, ReadTickets, ReviewCount];

    /// <summary>Reads every script now, so that a missing file stops the host at start instead of failing a first call.</summary>
    public static void EnsureLoaded() => _ = All.Count;

    /// <summary>The text of the embedded file <c>Scripts/{name}.lua</c>.</summary>
    public static string Read(string name)
    {
        var assembly = typeof(RedisScripts).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName(name))
            ?? throw new InvalidOperationException($"The Lua script {name}.lua is not embedded in {assembly.GetName().Name} (EmbeddedResource Scripts/*.lua).");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return string.IsNullOrWhiteSpace(text) ? throw new InvalidOperationException($"The Lua script {name}.lua is empty.") : text;
    }

    /// <summary>The manifest resource name of <c>Scripts/{name}.lua</c> (set in SyncHub.Redis.csproj).</summary>
    public static string ResourceName(string name) => $"SyncHub.Redis.Scripts.{name}.lua";

    private static RedisScript Load(string name, params string[] fragments) =>
        new(name, string.Join('\n', [.. fragments.Select(Read), Read(name)]));
}
