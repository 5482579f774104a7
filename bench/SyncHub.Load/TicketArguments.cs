using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Pipeline;
using SyncHub.Redis;
using SyncHub.Redis.Scripts;
using StackExchange.Redis;

namespace SyncHub.Load;

/// <summary>
/// The store's creation script call for one web-form ticket, built by the real <see cref="TicketFactory"/> and
/// <c>CreateScriptArgs</c> (the builder the store uses): as redis-benchmark arguments (<c>EVALSHA sha 0 args...</c>, the
/// external id and the ticket id turned into <c>__rand_int__</c> so every call creates a new ticket), or as a
/// <see cref="Template"/> that gives each call arguments of a ticket of its own.
/// </summary>
internal static class TicketArguments
{
    public static async Task<(string Script, IReadOnlyList<string> Arguments)> BuildAsync(string redis, string keyPrefix, string message)
    {
        var (id, arguments) = await CreationAsync(redis, keyPrefix, message, "rb-__rand_int__");
        return (RedisScripts.Create.Text, arguments.Select(a => ((string?)a ?? "").Replace(id, "rb__rand_int__", StringComparison.Ordinal)).ToList());
    }

    public static async Task<Template> TemplateAsync(string redis, string keyPrefix, string message)
    {
        var (id, arguments) = await CreationAsync(redis, keyPrefix, message, Template.Mark);
        return new Template(id, arguments);
    }

    private static async Task<(string Id, RedisValue[] Arguments)> CreationAsync(string redis, string keyPrefix, string message, string externalId)
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
                ExternalId = externalId,
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
        return (creation.Ticket.Id, [.. CreateScriptArgs.Build(keyPrefix, creation)]);
    }

    /// <summary>
    /// One ticket's creation arguments, to be stamped with a new ticket id and external id per call. Arguments that hold
    /// neither are shared as they are (the stored JSON included, compressed or not: the script stores it without looking
    /// inside), so a call costs Redis what the hub's call costs it.
    /// </summary>
    internal sealed class Template
    {
        public const string Mark = "bare-external-id-mark";

        private readonly RedisValue[] arguments;
        private readonly (int Index, string Text)[] stamped;
        private readonly string id;

        public Template(string id, RedisValue[] arguments)
        {
            this.id = id;
            this.arguments = arguments;
            stamped = [.. arguments
                .Select((a, i) => (Index: i, Text: a.IsNull ? null : TextOf(a)))
                .Where(a => a.Text is not null && (a.Text.Contains(id, StringComparison.Ordinal) || a.Text.Contains(Mark, StringComparison.Ordinal)))
                .Select(a => (a.Index, a.Text!))];
        }

        /// <summary>The arguments for ticket <paramref name="n"/> of this run (a 32-hex-digit id and an external id of its own).</summary>
        public RedisValue[] For(long n)
        {
            var ticket = n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
            var external = "bare-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var call = (RedisValue[])arguments.Clone();
            foreach (var (index, text) in stamped)
            {
                call[index] = text.Replace(id, ticket, StringComparison.Ordinal).Replace(Mark, external, StringComparison.Ordinal);
            }

            return call;
        }

        /// <summary>The argument as text when it is valid UTF-8 (compressed JSON is not, and is never stamped).</summary>
        private static string? TextOf(RedisValue value)
        {
            try
            {
                return new System.Text.UTF8Encoding(false, true).GetString((byte[])value!);
            }
            catch (System.Text.DecoderFallbackException)
            {
                return null;
            }
        }
    }
}
