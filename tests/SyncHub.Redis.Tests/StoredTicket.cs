using System.Globalization;
using System.Text;
using StackExchange.Redis;

namespace SyncHub.Redis.Tests;

/// <summary>
/// A ticket as the store keeps it at <c>{p}ticket:{id}</c> (Scripts/ticket-record.lua): one string, a header line
/// <c>number version updatedAt merged jsonLength</c>, then the JSON, then the ticket's own history element. Tests read
/// it, change it, and write it the way an earlier version did (a hash of fields).
/// </summary>
internal sealed record StoredTicket(string Number, string Version, string UpdatedAt, string? Merged, byte[] Json, byte[]? History)
{
    public static async Task<StoredTicket> ReadAsync(IDatabase database, string key)
    {
        var value = (byte[]?)await database.StringGetAsync(key) ?? throw new InvalidOperationException($"No ticket string at {key}.");
        var end = Array.IndexOf(value, (byte)'\n');
        var header = Encoding.ASCII.GetString(value, 0, end).Split(' ');
        var length = int.Parse(header[4], CultureInfo.InvariantCulture);
        var json = value[(end + 1)..(end + 1 + length)];
        var history = end + 1 + length < value.Length ? value[(end + 1 + length)..] : null;
        return new(header[0], header[1], header[2], header[3].Length == 0 ? null : header[3], json, history);
    }

    public Task WriteAsync(IDatabase database, string key)
    {
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Number} {Version} {UpdatedAt} {Merged} {Json.Length}\n"));
        return database.StringSetAsync(key, (byte[])[.. header, .. Json, .. History ?? []]);
    }

    /// <summary>Writes the ticket as the hash an earlier version kept (its history element, if any, is left out).</summary>
    public async Task WriteAsHashAsync(IDatabase database, string key)
    {
        await database.KeyDeleteAsync(key);
        await database.HashSetAsync(key, [new("json", Json), new("number", Number), new("version", Version), new("updatedAt", UpdatedAt)]);
        if (Merged is not null)
        {
            await database.HashSetAsync(key, "merged", Merged);
        }
    }
}
