using StackExchange.Redis;

namespace SyncHub.Redis.Scripts;

/// <summary>The ARGV of get.lua: each constant is the position the script reads under the same name.</summary>
internal static class GetScriptArgs
{
    public const int Prefix = 1;
    public const int Id = 2;
    public const int Number = 3;

    /// <summary>
    /// The arguments that read the ticket <paramref name="id"/>, or (id '') the ticket <paramref name="number"/>.
    /// </summary>
    public static RedisValue[] Build(RedisValue prefix, string id, long number) =>
        Argv.Of((Prefix, prefix), (Id, id), (Number, number));
}
