using Microsoft.Extensions.Configuration;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.Redis.Accounts;
using SyncHub.Testing.Doubles;
using SyncHub.Testing.Redis;

namespace SyncHub.Redis.Tests.Accounts;

/// <summary>
/// The mirror (<c>SyncHub:Accounts:Mirror</c>, on by default): look-ups cost no Redis call once it is loaded, another
/// instance's writes arrive by the background refresh, this instance's at once, and a stopped Redis leaves the look-ups
/// answering from the copy.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisAccountMirrorTests(RedisServerFixture redis)
{
    private static readonly DateTimeOffset Modified = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);

    private static readonly CrmAccount Initech = new("acc-9", "Initech", "Gold", "Customer", null, ["initech.example"], ["+1 212 555 0100"], Modified);
    private static readonly CrmContact Peter = new("con-9", "acc-9", "Peter.Gibbons@Initech.example", "+1 212 555 0199", "Peter Gibbons", Modified);
    private static readonly CrmContact Milton = new("con-8", "acc-9", null, "+1 212 555 0199", "Milton", Modified.AddDays(1)) { OtherEmails = ["Milton@Initech.example"] };
    private static readonly Requester Caller = new(Phone: "+1 (212) 555-0199");
    private static readonly Requester Writer = new(Email: "someone@initech.example");

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero));
    private readonly string prefix = redis.NewPrefix();

    [Fact]
    public async Task LookUps_MirrorLoaded_RunNoScriptAndNoCommand()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ClientOptions());
        using var sut = Create(connection);
        await sut.UpsertAsync([Initech], [Peter, Milton]);
        Assert.Equal("acc-9", (await sut.FindAsync(Writer))?.CrmId);

        var (scripts, commands) = (await ScriptCalls.CountAsync(redis), Commands(connection));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("acc-9", (await sut.FindAsync(new Requester(Email: $"person{i}@initech.example")))?.CrmId);
            Assert.Equal("milton@initech.example", await sut.FindEmailAsync(Caller));
        }

        Assert.Equal((0, 0), (await ScriptCalls.CountAsync(redis) - scripts, Commands(connection) - commands));
    }

    [Fact]
    public async Task LookUps_MirrorOff_RunAScriptAndCommandsPerNewRequester()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ClientOptions());
        using var sut = Create(connection, new AccountDirectoryOptions { Mirror = false });
        await sut.UpsertAsync([Initech], [Peter, Milton]);

        var (scripts, commands) = (await ScriptCalls.CountAsync(redis), Commands(connection));
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal("acc-9", (await sut.FindAsync(new Requester(Email: $"person{i}@initech.example")))?.CrmId);
        }

        Assert.Equal("milton@initech.example", await sut.FindEmailAsync(Caller));
        Assert.Null(sut.Mirror);
        // One script per new requester, ZRANGE and HMGET for the caller (and a script the server has not cached yet is sent again).
        Assert.InRange(await ScriptCalls.CountAsync(redis) - scripts, 20, 21);
        Assert.InRange(Commands(connection) - commands, 22, 30);
    }

    [Fact]
    public async Task FindEmailAsync_MirrorOnAndOff_AnswerAlike()
    {
        using var writer = Create();
        await writer.UpsertAsync([Initech], [Peter, Milton, Peter with { CrmId = "con-7", Email = "not an address", OtherEmails = ["x@initech.example"], ModifiedAt = Modified.AddDays(2) }]);
        using var mirrored = Create();
        using var scripted = Create(options: new AccountDirectoryOptions { Mirror = false });
        Requester[] requesters = [Caller, new(Phone: "212 555 0100"), new(Email: "Own@Example.com", Phone: "+1 212 555 0199"), new(Name: "nobody")];

        foreach (var requester in requesters)
        {
            Assert.Equal(await scripted.FindEmailAsync(requester), await mirrored.FindEmailAsync(requester));
        }

        Assert.Equal("x@initech.example", await mirrored.FindEmailAsync(Caller));
    }

    [Fact]
    public async Task AnotherInstancesUpsertAndRemoval_AreSeenAfterTheRefresh()
    {
        using var reader = Create();
        using var syncer = Create();
        Assert.Null(await reader.FindAsync(Writer));

        await syncer.UpsertAsync([Initech], [Peter]);
        var stale = await reader.FindAsync(Writer);
        await RefreshedAsync(reader);
        var upserted = await reader.FindAsync(Writer);
        var email = await reader.FindEmailAsync(Caller);

        await syncer.RemoveAsync(["acc-9"], []);
        await RefreshedAsync(reader);
        var removed = await reader.FindAsync(Writer);

        Assert.Null(stale);
        Assert.Equal("acc-9", upserted?.CrmId);
        Assert.Equal("peter.gibbons@initech.example", email);
        Assert.Null(removed);
    }

    [Fact]
    public async Task OwnWrites_AreSeenAtOnce_AlsoWhenAnotherInstanceWroteInBetween()
    {
        using var syncer = Create();
        using var other = Create();
        Assert.Null(await syncer.FindAsync(Writer));

        await syncer.UpsertAsync([Initech], []);
        var own = await syncer.FindAsync(Writer);
        await other.UpsertAsync([], [Peter with { AccountCrmId = "acc-1" }]);
        await syncer.UpsertAsync([Initech with { CrmId = "acc-1", Name = "Initrode", EmailDomains = [] }], []);
        var both = await syncer.FindAsync(new Requester(Email: "peter.gibbons@initech.example"));
        await syncer.RemoveAsync(["acc-1"], []);

        Assert.Equal("acc-9", own?.CrmId);
        Assert.Equal("Initrode", both?.Name);
        Assert.Equal("acc-9", (await syncer.FindAsync(new Requester(Email: "peter.gibbons@initech.example")))?.CrmId);
        Assert.Equal(await VersionAsync(), syncer.Mirror!.State!.Version);
    }

    [Fact]
    public async Task RedisStopped_AfterTheLoad_LookUpsAnswerFromTheMirror_WarningLoggedOnce()
    {
        var options = redis.ClientOptions();
        options.ConnectTimeout = 500;
        options.SyncTimeout = 500;
        options.AsyncTimeout = 500;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var logger = new FakeLogger<RedisAccountDirectory>();
        using var sut = Create(connection, logger: logger);
        await sut.UpsertAsync([Initech], [Peter]);
        Assert.Equal("acc-9", (await sut.FindAsync(Writer))?.CrmId);

        await redis.StopAsync();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await sut.Mirror!.RefreshAsync();
            }

            Assert.Equal("acc-9", (await sut.FindAsync(Writer))?.CrmId);
            Assert.Equal("peter.gibbons@initech.example", await sut.FindEmailAsync(Caller));
            Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        }
        finally
        {
            await redis.StartAsync();
        }

        await Eventually.WaitUntilAsync(() => connection.IsConnected);
        await sut.Mirror!.RefreshAsync();
        Assert.Contains(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Information && r.Message.Contains("again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FirstLookUp_RedisUnreachable_ThrowsStoreUnavailable()
    {
        await using var down = await Outbox.UnreachableRedis.ConnectAsync();
        using var sut = Create(down);

        await Assert.ThrowsAsync<SyncHub.Storage.StoreUnavailableException>(() => sut.FindAsync(Writer));
        Assert.Null(sut.Mirror!.State);
    }

    [Theory]
    [InlineData("SyncHub:Accounts:Mirror", "ture")]
    [InlineData("SyncHub:Accounts:MirrorRefresh", "2s")]
    [InlineData("SyncHub:Accounts:MirrorRefresh", "00:00:00")]
    public void Start_TypoedMirrorSetting_FailsNamingTheSetting(string key, string value)
    {
        using var provider = Provider((key, value));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_Defaults_MirrorOnEveryTwoSeconds()
    {
        await using var provider = Provider();

        var options = provider.GetRequiredService<IOptions<AccountDirectoryOptions>>().Value;

        Assert.Equal((true, TimeSpan.FromSeconds(2)), (options.Mirror, options.MirrorRefresh));
        Assert.NotNull(((RedisAccountDirectory)provider.GetRequiredService<IAccountDirectoryStore>()).Mirror);
    }

    [Fact]
    public async Task HostStart_LoadsTheMirrorBeforeAnyLookUp_AndExportsItsRecordsAndAge()
    {
        using (var syncer = Create())
        {
            await syncer.UpsertAsync([Initech], [Peter, Milton]);
        }

        await using var provider = Provider(metrics: true, []);
        var meters = provider.GetRequiredService<IMeterFactory>();
        using var records = new MetricCollector<long>(meters, SyncHubMetrics.MeterName, RedisAccountMirrorService.RecordsGauge);
        using var age = new MetricCollector<double>(meters, SyncHubMetrics.MeterName, RedisAccountMirrorService.AgeGauge);
        var directory = (RedisAccountDirectory)provider.GetRequiredService<IAccountDirectoryStore>();

        await provider.GetServices<IHostedService>().OfType<RedisAccountMirrorService>().Single().StartAsync(CancellationToken.None);
        await Eventually.WaitUntilAsync(() => directory.Mirror!.State is not null);
        records.RecordObservableInstruments();
        age.RecordObservableInstruments();

        Assert.Equal(
            [("account", 1L), ("contact", 2L)],
            records.GetMeasurementSnapshot().Select(m => ((string)m.Tags["kind"]!, m.Value)).OrderBy(m => m.Item1, StringComparer.Ordinal));
        Assert.InRange(Assert.Single(age.GetMeasurementSnapshot()).Value, 0, 60);
    }

    /// <summary>A service provider with the Redis store and directory registered from these settings (and this test's prefix).</summary>
    private ServiceProvider Provider(params (string Key, string Value)[] settings) => Provider(metrics: false, settings);

    /// <summary>As <see cref="Provider(ValueTuple{string, string}[])"/>, with the <c>SyncHub</c> meter when <paramref name="metrics"/>.</summary>
    private ServiceProvider Provider(bool metrics, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>(
            [
                new("ConnectionStrings:Redis", redis.ConnectionString),
                new("SyncHub:Redis:KeyPrefix", prefix),
                .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)),
            ])).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (metrics)
        {
            services.AddMetrics();
            services.AddSingleton<SyncHubMetrics>();
        }

        services.AddRedisStore(configuration);
        services.AddRedisAccountDirectory(configuration.GetSection(AccountDirectoryOptions.SectionName));
        return services.BuildServiceProvider();
    }

    /// <summary>Moves the clock past the refresh period and waits until <paramref name="directory"/>'s mirror has the directory's version.</summary>
    private async Task RefreshedAsync(RedisAccountDirectory directory)
    {
        var version = await VersionAsync();
        time.Advance(Refresh);
        await Eventually.WaitUntilAsync(() => directory.Mirror!.State?.Version == version);
    }

    private RedisAccountDirectory Create(IConnectionMultiplexer? connection = null, AccountDirectoryOptions? options = null, ILogger<RedisAccountDirectory>? logger = null) =>
        new(
            connection ?? redis.Connection,
            TestStores.Options(redis, prefix),
            new AccountDirectoryRules(Options.Create(options ?? new AccountDirectoryOptions { MirrorRefresh = Refresh })),
            time,
            logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisAccountDirectory>.Instance);

    private async Task<long> VersionAsync() => (long)await redis.Connection.GetDatabase().StringGetAsync(prefix + "accounts:version");

    private static long Commands(IConnectionMultiplexer connection) => connection.GetCounters().Interactive.OperationCount;
}
