using StackExchange.Redis;
using SyncHub.Redis.Scripts;

namespace SyncHub.Redis;

/// <summary>
/// Puts the JSON the update and merge scripts write into Redis as is (a ticket, history entries) into its stored form
/// (<see cref="StoredForm"/>) once their builders have made the arguments: each ticket JSON and history entry of
/// <see cref="RedisStoreOptions.CompressFrom"/> bytes or more is compressed, and the history entries one call appends,
/// when there are several, become one list element holding their JSON array. With <c>CompressFrom</c> 0 the arguments
/// are left as the builders made them. (A creation's builder, <see cref="CreateScriptArgs.Build(RedisValue, Storage.TicketCreation, out StoreJson.Buffer, int)"/>,
/// writes the stored form itself: no second argument array on the hot path.) The scripts store these values without
/// looking inside.
/// </summary>
internal static class StoredArguments
{
    public static RedisValue[] Update(RedisValue[] argv, StoreJson.Buffer json, int compressFrom)
    {
        if (compressFrom <= 0)
        {
            return argv;
        }

        Store(argv, UpdateScriptArgs.TicketJson, json, compressFrom);
        return Together(argv, UpdateScriptArgs.HistoryAt, json, compressFrom);
    }

    public static RedisValue[] Merge(RedisValue[] argv, StoreJson.Buffer json, int compressFrom)
    {
        if (compressFrom <= 0)
        {
            return argv;
        }

        Store(argv, MergeScriptArgs.DuplicateJson, json, compressFrom);
        Store(argv, MergeScriptArgs.SurvivorJson, json, compressFrom);
        argv = Together(argv, MergeScriptArgs.ListsAt, json, compressFrom);
        return Together(argv, MergeScriptArgs.ListsAt + 1 + (int)argv[MergeScriptArgs.ListsAt - 1], json, compressFrom);
    }

    /// <summary>The value at Lua position <paramref name="position"/> in its stored form.</summary>
    private static void Store(RedisValue[] argv, int position, StoreJson.Buffer json, int compressFrom) =>
        argv[position - 1] = json.Stored((ReadOnlyMemory<byte>)argv[position - 1], compressFrom);

    /// <summary>
    /// The history entries counted at position <paramref name="countAt"/> (the count, then the entries) in their stored
    /// form: one entry stays one element, several become one element holding their JSON array (the count then 1, and
    /// the arguments after them move up).
    /// </summary>
    private static RedisValue[] Together(RedisValue[] argv, int countAt, StoreJson.Buffer json, int compressFrom)
    {
        var count = (int)argv[countAt - 1];
        if (count <= 1)
        {
            if (count == 1)
            {
                Store(argv, countAt + 1, json, compressFrom);
            }

            return argv;
        }

        var entries = new ReadOnlyMemory<byte>[count];
        for (var e = 0; e < count; e++)
        {
            entries[e] = (ReadOnlyMemory<byte>)argv[countAt + e];
        }

        var together = new RedisValue[argv.Length - count + 1];
        argv.AsSpan(0, countAt).CopyTo(together);
        together[countAt - 1] = 1;
        together[countAt] = json.Stored(json.Array(entries), compressFrom);
        argv.AsSpan(countAt + count).CopyTo(together.AsSpan(countAt + 1));
        return together;
    }
}
