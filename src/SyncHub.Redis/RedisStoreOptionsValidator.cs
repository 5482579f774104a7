using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SyncHub.Redis;

/// <summary>Checks <see cref="RedisStoreOptions"/>; every failure is one line naming its full configuration key.</summary>
internal sealed class RedisStoreOptionsValidator : IValidateOptions<RedisStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{RedisStoreOptions.ConnectionStringKey}: is required (a StackExchange.Redis configuration string such as localhost:6379).");
        }
        else if (!Parses(options.ConnectionString))
        {
            // The parser's own message is left out: it may quote a value of the string, which can hold a password.
            failures.Add($"{RedisStoreOptions.ConnectionStringKey}: is not a valid StackExchange.Redis configuration string.");
        }

        if (string.IsNullOrWhiteSpace(options.KeyPrefix))
        {
            failures.Add($"{RedisStoreOptions.SectionName}:{nameof(RedisStoreOptions.KeyPrefix)}: must not be empty.");
        }

        if (options.ListScanLimit is < 10 or > 10_000_000)
        {
            failures.Add($"{RedisStoreOptions.SectionName}:{nameof(RedisStoreOptions.ListScanLimit)}: must be between 10 and 10000000.");
        }

        if (options.MinReplicasAcked is < 0 or > 16)
        {
            failures.Add($"{RedisStoreOptions.SectionName}:{nameof(RedisStoreOptions.MinReplicasAcked)}: must be between 0 and 16.");
        }

        if (options.CompressFrom < 0)
        {
            failures.Add($"{RedisStoreOptions.SectionName}:{nameof(RedisStoreOptions.CompressFrom)}: must be 0 (never compress) or a number of bytes.");
        }

        if (options.ReplicaAckTimeout < TimeSpan.FromMilliseconds(10) || options.ReplicaAckTimeout > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{RedisStoreOptions.SectionName}:{nameof(RedisStoreOptions.ReplicaAckTimeout)}: must be between 00:00:00.010 and 00:01:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool Parses(string connectionString)
    {
        try
        {
            _ = ConfigurationOptions.Parse(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
