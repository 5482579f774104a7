using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SyncHub.Domain;
using SyncHub.Host.Commands;
using SyncHub.Redis;
using SyncHub.Storage;
using SyncHub.Testing.Redis;

namespace SyncHub.Host.Tests;

/// <summary>
/// <c>synchub check-config</c>, <c>reset-cursor</c> and <c>replay-dead-letters</c>, run as the binary runs them (the same
/// dispatch, in process), the maintenance commands against a real redis-server.
/// </summary>
public sealed class CommandLineTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task CheckConfig_GoodConfiguration_SaysOkAndExitsZero()
    {
        var (code, output, error) = await RunAsync(null, "check-config");

        Assert.Equal(0, code);
        Assert.Equal(
            [
                "configuration OK (environment Testing, store InMemory, adapters: WebForm, plugins: none)",
                "warning: replies to Web tickets (email.reply) cannot be sent: set SyncHub:Adapters:Smtp:Enabled",
                "warning: replies to Internal tickets (email.reply) cannot be sent: set SyncHub:Adapters:Smtp:Enabled",
            ],
            output.Trim().Split('\n').Select(l => l.TrimEnd('\r')));
        Assert.Empty(error);
    }

    [Fact]
    public async Task CheckConfig_BadConfiguration_PrintsEveryProblemOnItsOwnLineNamingTheKeyAndExitsOne()
    {
        var (code, output, error) = await RunAsync(
            new()
            {
                ["SyncHub:Store"] = "Redis",
                ["ConnectionStrings:Redis"] = "",
                ["SyncHub:Pipeline:Capacity"] = "0",
                ["SyncHub:Api:Keys:0"] = "short",
                ["SyncHub:Outbox:BatchSize"] = "lots",
                ["SyncHub:Adapters:Twitter:Enabled"] = "true",
                ["SyncHub:Sandbox:Enabled"] = "true",
            },
            "check-config");

        Assert.Equal(1, code);
        var lines = Lines(output);
        Assert.Contains(lines, l => l.StartsWith("SyncHub:Pipeline:Capacity: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SyncHub:Api:Keys: every API key must have at least 8 characters", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SyncHub:Adapters:Twitter:BearerToken: is required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("SyncHub:Adapters:Twitter:UserId: is required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("SyncHub:Outbox:BatchSize", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ConnectionStrings:Redis: is required", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Configuration error: SyncHub:Sandbox:Enabled: ", StringComparison.Ordinal) && l.Contains("not in Testing", StringComparison.Ordinal));
        Assert.Equal(lines.Count, lines.Distinct().Count());
        Assert.Equal($"configuration has {lines.Count} problems", error.Trim());
    }

    [Fact]
    public async Task CheckConfig_SettingsFile_IsReadLastAndItsProblemsReported()
    {
        var file = Path.Combine(Path.GetTempPath(), $"synchub-check-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{ "SyncHub": { "Pipeline": { "Workers": 0 }, "Adapters": { "WebForm": { "Token": "" } } } }""");
        try
        {
            var (code, output, _) = await RunAsync(null, "check-config", file);

            Assert.Equal(1, code);
            var lines = Lines(output);
            Assert.Equal(2, lines.Count);
            Assert.Contains(lines, l => l.StartsWith("SyncHub:Pipeline:Workers: ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("SyncHub:Adapters:WebForm:Token: ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task CheckConfig_MissingSettingsFile_SaysSoAndExitsOne()
    {
        var (code, output, _) = await RunAsync(null, "check-config", "--settings", "/nonexistent/appsettings.Production.json");

        Assert.Equal(1, code);
        Assert.Equal("/nonexistent/appsettings.Production.json: no such settings file", output.Trim());
    }

    [Fact]
    public async Task ResetCursor_CommittedCursor_IsClearedInRedis()
    {
        var settings = TwitterSettings(out var prefix);
        var database = redis.Connection.GetDatabase();
        await database.HashSetAsync(prefix + "checkpoints", [new("Twitter", "1866123456789012345"), new("ZohoCrm", "2026-03-01T00:00:00Z")]);

        var (code, output, error) = await RunAsync(settings, "reset-cursor", "Twitter");
        var (again, secondOutput, _) = await RunAsync(settings, "reset-cursor", "Twitter");

        Assert.Equal(0, code);
        Assert.Equal("Twitter: cursor reset (was 1866123456789012345); its next poll reads from the adapter's configured start", output.Trim());
        Assert.Empty(error);
        Assert.False((await database.HashGetAsync(prefix + "checkpoints", "Twitter")).HasValue);
        Assert.Equal("2026-03-01T00:00:00Z", (string?)await database.HashGetAsync(prefix + "checkpoints", "ZohoCrm"));
        Assert.Equal(0, again);
        Assert.Equal("Twitter: no committed cursor; nothing to reset", secondOutput.Trim());
    }

    [Fact]
    public async Task ResetCursor_SourceNotEnabledHereWithForce_ResetsAndNotesIt()
    {
        var settings = RedisSettings(out var prefix);
        await redis.Connection.GetDatabase().HashSetAsync(prefix + "checkpoints", "JsonFeed", "42");

        var (code, _, error) = await RunAsync(settings, "reset-cursor", "JsonFeed", "--force");

        Assert.Equal(0, code);
        Assert.StartsWith("note: JsonFeed is not an enabled polling source in this configuration", error, StringComparison.Ordinal);
        Assert.False((await redis.Connection.GetDatabase().HashGetAsync(prefix + "checkpoints", "JsonFeed")).HasValue);
    }

    [Fact]
    public async Task ResetCursor_UnknownSource_ExitsOneNamingTheKnownSourcesAndKeepsTheCursor()
    {
        var settings = TwitterSettings(out var prefix);
        await redis.Connection.GetDatabase().HashSetAsync(prefix + "checkpoints", "Twitter", "1866123456789012345");

        var (code, output, error) = await RunAsync(settings, "reset-cursor", "Twiter");

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Equal(
            "unknown source: Twiter is not an enabled polling source in this configuration (polling sources: Twitter); did you mean Twitter?; " +
            "names are case-sensitive; --force resets it anyway",
            error.Trim());
        Assert.Equal("1866123456789012345", (string?)await redis.Connection.GetDatabase().HashGetAsync(prefix + "checkpoints", "Twitter"));
    }

    [Fact]
    public async Task CheckConfig_UnknownKeys_AreErrorsNamingTheNearestKnownKey()
    {
        var (code, output, error) = await RunAsync(
            new() { ["SyncHub:Pipline:Capacity"] = "10", ["SyncHub:Adapters:Emial:Enabled"] = "true" },
            "check-config");

        Assert.Equal(1, code);
        Assert.Equal(
            [
                "SyncHub:Adapters:Emial is not a SyncHub setting; did you mean SyncHub:Adapters:Email?",
                "SyncHub:Pipline is not a SyncHub setting; did you mean SyncHub:Pipeline?",
            ],
            Lines(output));
        Assert.Equal("configuration has 2 problems", error.Trim());
    }

    [Fact]
    public async Task Binary_UnknownCommand_PrintsUsageNamingTheNearestAndExitsTwoWithoutStarting()
    {
        var (code, lines) = await HubBinary.RunAsync(["check-confg"], HubBinary.TestingSettings());

        Assert.Equal(2, code);
        Assert.Equal("unknown command check-confg; did you mean check-config?", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("usage: synchub", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("ready on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Binary_Version_PrintsTheVersionAndExitsZero()
    {
        var (code, lines) = await HubBinary.RunAsync(["--version"]);

        Assert.Equal(0, code);
        Assert.Equal($"synchub {typeof(SyncHubApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion}", Assert.Single(lines));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Binary_Help_PrintsUsageAndExitsZero(string argument)
    {
        var (code, lines) = await HubBinary.RunAsync([argument]);

        Assert.Equal(0, code);
        Assert.Equal(HostCommands.Usage.Split('\n'), lines);
    }

    [Theory]
    [InlineData("check-confg", true)]
    [InlineData("start", true)]
    [InlineData("--urls", false)]
    [InlineData("SyncHub:Store=Redis", false)]
    [InlineData("/SyncHub:Store", false)]
    public void LooksLikeCommand_FirstArgument_OnlyWordsThatAreNeitherOptionsNorSettings(string argument, bool command)
    {
        Assert.Equal(command, HostCommands.LooksLikeCommand(argument));
    }

    [Theory]
    [InlineData("reset-cursor", "Twitter")]
    [InlineData("replay-dead-letters", null)]
    public async Task MaintenanceCommand_InMemoryStore_RefusesAndSaysWhy(string command, string? argument)
    {
        var (code, _, error) = await RunAsync(null, argument is null ? [command] : [command, argument]);

        Assert.Equal(1, code);
        Assert.StartsWith($"{command} works on a shared store: SyncHub:Store is InMemory", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetCursor_NoSource_PrintsUsageAndExitsTwo()
    {
        var (code, _, error) = await RunAsync(null, "reset-cursor");

        Assert.Equal(2, code);
        Assert.Contains("usage: synchub", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayDeadLetters_IntakeLetters_BecomeTicketsAndLeaveTheList()
    {
        var settings = RedisSettings(out var prefix);
        var letters = DeadLetters(prefix);
        var valid = Record("WebForm", "form-7");
        await letters.AddAsync(Letter(valid, "creation failed: InvalidOperationException: the routing rules were being reloaded"));
        await letters.AddAsync(Letter(valid, "creation failed: the same record, retried by its sender") with { At = At.AddMinutes(1) });
        await letters.AddAsync(Letter(Record("JsonFeed", "feed-9") with { Channel = Channel.Chat }, "creation failed: TimeoutException"));
        await letters.AddAsync(Letter(Record("WebForm", new string('x', 600)), "an id is longer than 512 characters"));
        await letters.AddAsync(new DeadLetter("outbox:RocketChat", "evt-1", "20 failed deliveries", """{"id":"evt-1","type":"ticket.created"}""", At));
        await letters.AddAsync(new DeadLetter("Twitter", "t-1", "unreadable", "not json", At));

        var (code, output, error) = await RunAsync(settings, "replay-dead-letters");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Equal(
            [
                "replayed 4 of 6 dead letters: 2 created, 1 duplicate, 0 threaded, 1 dead-lettered again; 0 outbox deliveries queued again; 4 removed from the list",
                "left in the list: 2 unreadable",
            ],
            Lines(output));

        var left = await letters.ListAsync(10);
        Assert.Equal(["outbox:RocketChat", "Twitter", "WebForm"], left.Select(l => l.Source));
        Assert.Equal("an id is longer than 512 characters", left[2].Reason);
        Assert.True(left[2].At > At, "the record failing again is dead-lettered anew");

        var tickets = await Tickets(prefix).ListAsync(new TicketQuery());
        Assert.Equal(["feed-9", "form-7"], tickets.Items.Select(t => t.ExternalId).Order(StringComparer.Ordinal));
        Assert.Equal(Channel.Chat, tickets.Items.Single(t => t.Source == "JsonFeed").Channel);
    }

    [Fact]
    public async Task ReplayDeadLetters_OutboxLetter_IsQueuedAgainForItsNotifierOnceAndTheReplyIsQueuedAgain()
    {
        var settings = RedisSettings(out var prefix);
        var tickets = Tickets(prefix);
        var created = await tickets.CreateAsync(new TicketCreation(
            new Ticket { Id = "t-replay", Channel = Channel.Web, Source = "WebForm", ExternalId = "form-replay", CreatedAt = At, UpdatedAt = At, Version = 1 },
            [],
            [],
            new HistoryEntry(At, HistoryTypes.Threaded, "")));
        var reply = new OutboxEvent { Id = "t-replay:reply:3", Type = MailEvents.Reply, TicketId = "t-replay", CreatedAt = At, Data = new Dictionary<string, string> { [MailEvents.To] = "ana@example.com" } };
        await tickets.UpdateAsync("t-replay", t => new TicketChange(
            t with { Replies = new Dictionary<string, ReplyDelivery> { [reply.Id] = new() { State = ReplyState.Failed, Via = MailEvents.Reply, At = At, Reason = "550 no such mailbox" } } },
            [],
            []));
        var letters = DeadLetters(prefix);
        await letters.AddAsync(new DeadLetter("outbox:Smtp", reply.Id, "refused for good: 550 no such mailbox", System.Text.Json.JsonSerializer.Serialize(reply, SyncHubJson.Options), At));

        var (code, output, _) = await RunAsync(settings, "replay-dead-letters");
        var (again, _, _) = await RunAsync(settings, "replay-dead-letters");

        Assert.Equal((0, 0), (code, again));
        Assert.Equal("replayed 0 of 1 dead letters: 0 created, 0 duplicate, 0 threaded, 0 dead-lettered again; 1 outbox deliveries queued again; 1 removed from the list", Lines(output).Single());
        Assert.Empty(await letters.ListAsync(10));
        var queued = Assert.Single(await tickets.ReadOutboxAsync(null, 10), e => e.Event.Id == reply.Id).Event;
        Assert.Equal("Smtp", queued.Target);
        Assert.Equal(ReplyState.Queued, (await tickets.GetAsync(created.TicketId))!.Replies[reply.Id].State);
    }

    [Fact]
    public async Task ReplayDeadLetters_SourceAndLimit_ReplayTheOldestOfThatSourceOnly()
    {
        var settings = RedisSettings(out var prefix);
        var letters = DeadLetters(prefix);
        foreach (var id in new[] { "a", "b", "c" })
        {
            await letters.AddAsync(Letter(Record("WebForm", id), "creation failed"));
        }

        await letters.AddAsync(Letter(Record("JsonFeed", "j"), "creation failed"));

        var (code, output, _) = await RunAsync(settings, "replay-dead-letters", "--source", "WebForm", "--limit", "2");

        Assert.Equal(0, code);
        Assert.Equal(
            [
                "replayed 2 of 4 dead letters: 2 created, 0 duplicate, 0 threaded, 0 dead-lettered again; 0 outbox deliveries queued again; 2 removed from the list",
                "left in the list: 1 of other sources, 1 over --limit",
            ],
            Lines(output));
        Assert.Equal(["c", "j"], (await letters.ListAsync(10)).Select(l => l.ExternalId));
    }

    [Fact]
    public async Task ReplayDeadLetters_EmptyList_SaysNothingWasReplayed()
    {
        var (code, output, _) = await RunAsync(RedisSettings(out _), "replay-dead-letters");

        Assert.Equal(0, code);
        Assert.Equal("replayed 0 of 0 dead letters: 0 created, 0 duplicate, 0 threaded, 0 dead-lettered again; 0 outbox deliveries queued again; 0 removed from the list", output.Trim());
    }

    [Fact]
    public async Task ReplayDeadLetters_BadLimit_PrintsUsageAndExitsTwo()
    {
        var (code, _, error) = await RunAsync(RedisSettings(out _), "replay-dead-letters", "--limit", "none");

        Assert.Equal(2, code);
        Assert.StartsWith("--limit must be a whole number above 0", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(Dictionary<string, string?>? settings, params string[] args)
    {
        var all = HubServer.DefaultSettings();
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await HostCommands.RunAsync([.. args, "--environment", "Testing"], output, error, b => b.Configuration.AddInMemoryCollection(all));
        return (code, output.ToString(), error.ToString());
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private Dictionary<string, string?> RedisSettings(out string prefix)
    {
        prefix = redis.NewPrefix();
        return new()
        {
            ["SyncHub:Store"] = "Redis",
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["SyncHub:Redis:KeyPrefix"] = prefix,
        };
    }

    /// <summary>The Redis store with the Twitter poller enabled.</summary>
    private Dictionary<string, string?> TwitterSettings(out string prefix)
    {
        var settings = RedisSettings(out prefix);
        settings["SyncHub:Adapters:Twitter:Enabled"] = "true";
        settings["SyncHub:Adapters:Twitter:BearerToken"] = "AAAA-test-bearer";
        settings["SyncHub:Adapters:Twitter:UserId"] = "2244994945";
        return settings;
    }

    private RedisDeadLetterStore DeadLetters(string prefix) =>
        new(redis.Connection, Options.Create(new RedisStoreOptions { KeyPrefix = prefix }), NullLogger<RedisDeadLetterStore>.Instance);

    private RedisTicketStore Tickets(string prefix) =>
        new(redis.Connection, Options.Create(new RedisStoreOptions { KeyPrefix = prefix }), NullLogger<RedisTicketStore>.Instance);

    private static IntakeRecord Record(string source, string externalId) => new()
    {
        Source = source,
        ExternalId = externalId,
        Channel = Channel.Web,
        Requester = new Requester("Ana Souza", "ana@example.com"),
        Subject = "Cannot log in",
        Body = "The desktop app says my password is wrong.",
        ReceivedAt = At,
    };

    // The letter the intake pipeline writes: the record's JSON in SyncHub's conventions.
    private static DeadLetter Letter(IntakeRecord record, string reason) =>
        new(record.Source, record.ExternalId, reason, JsonSerializer.Serialize(record, SyncHubJson.Options), At);
}
