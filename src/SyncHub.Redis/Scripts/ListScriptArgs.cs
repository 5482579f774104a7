using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of list.lua: each constant is the position the script reads under the same name.</summary>
internal static class ListScriptArgs
{
    public const int Prefix = 1;
    public const int Before = 2;
    public const int Limit = 3;
    public const int ScanLimit = 4;

    /// <summary>The filter index names, to the end.</summary>
    public const int FiltersAt = 5;

    /// <summary>The arguments of one page below <paramref name="before"/> (null for the first page).</summary>
    public static RedisValue[] Build(RedisValue prefix, long? before, int limit, int scanLimit, IReadOnlyList<string> filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        var argv = new Argv(lastPosition: FiltersAt - 1 + filters.Count);
        argv[Prefix] = prefix;
        argv[Before] = before is { } number ? number : RedisValue.EmptyString;
        argv[Limit] = limit;
        argv[ScanLimit] = scanLimit;
        for (var f = 0; f < filters.Count; f++)
        {
            argv[FiltersAt + f] = filters[f];
        }

        return argv.Values;
    }
}
