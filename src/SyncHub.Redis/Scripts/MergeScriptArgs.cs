using StackExchange.Redis;
using SyncHub.Domain;
using SyncHub.Storage;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of merge.lua: each constant is the position the script reads under the same name.</summary>
internal static class MergeScriptArgs
{
    public const int Prefix = 1;
    public const int DuplicateId = 2;
    public const int DuplicateVersion = 3;
    public const int DuplicateJson = 4;
    public const int DuplicateUpdatedAt = 5;
    public const int DuplicateNumber = 6;
    public const int SurvivorId = 7;
    public const int SurvivorVersion = 8;
    public const int SurvivorJson = 9;
    public const int SurvivorUpdatedAt = 10;
    public const int SurvivorNumber = 11;
    public const int ActionKey = 12;

    /// <summary>Both new histories, the idempotency fields, the thread keys, then both tickets' index operations.</summary>
    public const int ListsAt = 13;

    /// <summary>
    /// The arguments of merge.lua that store <paramref name="merge"/> of the tickets read as <paramref name="duplicate"/>
    /// and <paramref name="survivor"/> (with their histories).
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, Ticket duplicate, Ticket survivor, TicketMerge merge)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(merge);
        var closed = merge.Duplicate with { Number = duplicate.Number, History = [] };
        var kept = merge.Survivor with { Number = survivor.Number, History = [] };
        IReadOnlyList<HistoryEntry> duplicateHistory = [merge.DuplicateEntry];
        IReadOnlyList<HistoryEntry> survivorHistory = [.. survivor.History.Concat(duplicate.History).OrderBy(e => e.At), merge.SurvivorEntry];
        var fields = IdempotencyFields(duplicate);
        IReadOnlyList<string> threads = duplicate.ThreadKey is { Length: > 0 } key ? [key] : [];
        var duplicateOps = TicketMemberships.Diff(duplicate, closed, withFilterIndexes: true);
        var survivorOps = TicketMemberships.Diff(survivor, kept, withFilterIndexes: true);
        var argv = new Argv(lastPosition: ListsAt - 1 + 4 + duplicateHistory.Count + survivorHistory.Count + fields.Count + threads.Count
            + TicketMemberships.Width(duplicateOps) + TicketMemberships.Width(survivorOps));
        argv[Prefix] = prefix;
        argv[DuplicateId] = duplicate.Id;
        argv[DuplicateVersion] = duplicate.Version;
        argv[DuplicateJson] = StoreJson.WriteTicket(closed);
        argv[DuplicateUpdatedAt] = StoreJson.WriteInstant(closed.UpdatedAt);
        argv[DuplicateNumber] = duplicate.Number;
        argv[SurvivorId] = survivor.Id;
        argv[SurvivorVersion] = survivor.Version;
        argv[SurvivorJson] = StoreJson.WriteTicket(kept);
        argv[SurvivorUpdatedAt] = StoreJson.WriteInstant(kept.UpdatedAt);
        argv[SurvivorNumber] = survivor.Number;
        argv[ActionKey] = merge.ActionKey ?? "";
        var i = argv.PutCounted(ListsAt, duplicateHistory, static e => StoreJson.WriteEntry(e));
        i = argv.PutCounted(i, survivorHistory, static e => StoreJson.WriteEntry(e));
        i = argv.PutCounted(i, fields, static f => f);
        i = argv.PutCounted(i, threads, static t => t);
        i = TicketMemberships.Put(argv, i, duplicateOps);
        TicketMemberships.Put(argv, i, survivorOps);
        return argv.Values;
    }

    /// <summary>
    /// The idempotency fields that name the duplicate: its own record's, and those of the records its history says
    /// arrived on it (created and threaded entries carry their source and external id).
    /// </summary>
    private static List<string> IdempotencyFields(Ticket duplicate)
    {
        var fields = new List<string> { RedisTicketStore.IdempotencyField(duplicate.Source, duplicate.ExternalId) };
        foreach (var entry in duplicate.History)
        {
            if (entry.Data is { } data && data.TryGetValue("source", out var source) && data.TryGetValue("externalId", out var externalId))
            {
                var field = RedisTicketStore.IdempotencyField(source, externalId);
                if (!fields.Contains(field))
                {
                    fields.Add(field);
                }
            }
        }

        return fields;
    }
}
