using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Redis;
using SyncHub.Redis.Scripts;

namespace SyncHub.Load;

/// <summary>
/// The store's creation script call for one web-form ticket, as redis-benchmark arguments: <c>EVALSHA sha 0 args...</c>
/// built by the real <see cref="TicketFactory"/> and <c>CreateScriptArgs</c> (the builder the store uses), with the external id and
/// the ticket id turned into <c>__rand_int__</c> so every call creates a new ticket.
/// </summary>
internal static class TicketArguments
{
    public static async Task<(string Script, IReadOnlyList<string> Arguments)> BuildAsync(string redis, string keyPrefix, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis,
            ["SyncHub:Redis:KeyPrefix"] = keyPrefix,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSyncHubCore(configuration);
        services.AddRedisStore(configuration);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<TicketFactory>();
        var creation = await factory.CreateAsync(
            new IntakeRecord
            {
                Source = "WebForm",
                ExternalId = "rb-__rand_int__",
                Channel = Channel.Web,
                Requester = new Requester("Ana Souza", "ana@example.com"),
                Subject = "The export does nothing",
                Body = message,
                ReceivedAt = TimeProvider.System.GetUtcNow(),
                Diagnostics = new Dictionary<string, string> { ["clientVersion"] = "6.4.1", ["product"] = "Rocket.Chat Cloud" },
                PriorityHint = Priority.Medium,
                Product = "Rocket.Chat Cloud",
            },
            CancellationToken.None);
        var id = creation.Ticket.Id;
        var arguments = CreateScriptArgs.Build(keyPrefix, creation)
            .Select(a => ((string?)a ?? "").Replace(id, "rb__rand_int__", StringComparison.Ordinal))
            .ToList();
        return (RedisScripts.Create.Text, arguments);
    }
}
