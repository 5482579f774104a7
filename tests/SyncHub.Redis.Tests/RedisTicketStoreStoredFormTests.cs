using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Storage;
using SyncHub.Testing.Redis;
using SyncHub.Testing.Storage;

namespace SyncHub.Redis.Tests;

/// <summary>
/// The stored form of tickets and history (<see cref="StoredForm"/>, <see cref="RedisStoreOptions.CompressFrom"/>):
/// what Redis holds, and that every read path gives back the same ticket from either form, including values written
/// before compression existed.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisTicketStoreStoredFormTests(RedisServerFixture redis)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero));
    private readonly string prefix = redis.NewPrefix();

    private SampleRecords Samples => new(time);

    private IDatabase Database => redis.Connection.GetDatabase();

    [Fact]
    public async Task Create_TicketJsonLongEnough_StoredCompressedBehindTheHeader_AndReadsBackEqual()
    {
        var store = Store(compressFrom: 512);
        var creation = Samples.Creation(body: LongBody(1, 40));
        var plain = StoreJson.WriteTicket(creation.Ticket);

        var created = await store.CreateAsync(creation);
        var stored = await JsonFieldAsync(created.TicketId);
        var read = await store.GetAsync(created.TicketId);

        Assert.True(plain.Length >= 512);
        Assert.Equal([StoredForm.Marker, StoredForm.Brotli], stored[..2]);
        Assert.True(stored.Length < plain.Length * 3 / 4, $"{stored.Length} B stored for {plain.Length} B of JSON");
        Assert.NotNull(read);
        Assert.Equal(plain, StoreJson.WriteTicket(read));
        Assert.Equal(creation.Ticket.Body, read.Body);
        AssertSameHistory(creation.History, read.History);
    }

    [Fact]
    public async Task Create_TicketShorterThanTheThreshold_StaysPlainJson()
    {
        var store = Store(compressFrom: 1024);
        var creation = Samples.Creation(body: "The export does nothing.");

        var created = await store.CreateAsync(creation);

        Assert.Equal(StoreJson.WriteTicket(creation.Ticket), await JsonFieldAsync(created.TicketId));
    }

    [Fact]
    public async Task Create_SeveralHistoryEntries_StoredAsOneElement_CompressedFromTheThreshold_PlainArrayBelowIt()
    {
        var compressing = Store(compressFrom: 256);
        var notCompressing = Store(compressFrom: 100_000);
        var first = Samples.Creation();
        var second = Samples.Creation();

        var compressed = await compressing.CreateAsync(first);
        var plain = await notCompressing.CreateAsync(second);
        var compressedHistory = await HistoryElementsAsync(compressed.TicketId);
        var plainHistory = await HistoryElementsAsync(plain.TicketId);

        Assert.Equal(StoredForm.Marker, Assert.Single(compressedHistory)[0]);
        Assert.Equal((byte)'[', Assert.Single(plainHistory)[0]);
        Assert.Equal(StoreJson.WriteTicket(second.Ticket), await JsonFieldAsync(plain.TicketId));
        AssertSameHistory(first.History, (await compressing.GetAsync(compressed.TicketId))!.History);
        AssertSameHistory(second.History, (await notCompressing.GetAsync(plain.TicketId))!.History);
    }

    [Fact]
    public async Task Create_HistoryOfOneElement_IsAFieldOfTheTicketHash_LaterEntriesFollowInTheList()
    {
        var store = Store(compressFrom: 256);
        var creation = Samples.Creation(body: LongBody(7, 40));
        var key = prefix + "ticket:";

        var created = await store.CreateAsync(creation);
        key += created.TicketId;

        Assert.Equal(StoredForm.Marker, (await StoredTicket.ReadAsync(Database, key)).History![0]);
        Assert.False(await Database.KeyExistsAsync(key + ":history"));
        AssertSameHistory(creation.History, (await store.GetAsync(created.TicketId))!.History);
        var first = Samples.Note("Checked the logs.");
        var second = Samples.Note("Asked for a screenshot.");
        await store.UpdateAsync(created.TicketId, t => new TicketChange(t, [first], []));
        await store.UpdateAsync(created.TicketId, t => new TicketChange(t with { Status = TicketStatus.Pending }, [second], []));
        Assert.Equal(2, await Database.ListLengthAsync(key + ":history"));
        AssertSameHistory([.. creation.History, first, second], (await store.GetAsync(created.TicketId))!.History);
        Assert.Equal(created.TicketId, Assert.Single((await store.ListAsync(new TicketQuery { Status = TicketStatus.Pending })).Items).Id);
    }

    [Fact]
    public async Task CompressFromZero_WritesPlainJson_TheCreationsEntriesAsOneArray_EachLaterEntryAnElement()
    {
        var store = Store(compressFrom: 0);
        var creation = Samples.Creation(body: LongBody(2, 40));

        var created = await store.CreateAsync(creation);
        await store.UpdateAsync(created.TicketId, t => new TicketChange(t with { Body = LongBody(3, 40) }, [Samples.Note(LongBody(4, 20))], []));
        var read = await store.GetAsync(created.TicketId);

        Assert.NotNull(read);
        Assert.Equal(StoreJson.WriteTicket(read), await JsonFieldAsync(created.TicketId));
        var elements = await HistoryElementsAsync(created.TicketId);
        Assert.Equal(2, elements.Count);
        Assert.Equal(((byte)'[', (byte)'{'), (elements[0][0], elements[1][0]));
        Assert.Equal(creation.History.Count + 1, read.History.Count);
        Assert.Equal(1, await Database.ListLengthAsync(prefix + "ticket:" + created.TicketId + ":history"));
    }

    [Fact]
    public async Task TicketAndHistoryWrittenBeforeCompression_ReadBack_AndAnUpdateStoresThemCompressed()
    {
        var store = Store(compressFrom: 512);
        var creation = Samples.Creation(body: LongBody(5, 40));
        var created = await store.CreateAsync(creation);
        var key = prefix + "ticket:" + created.TicketId;

        // As a hub without compression left it: plain JSON in the hash, one plain entry per list element.
        var stored = await StoredTicket.ReadAsync(Database, key);
        await (stored with { Json = StoreJson.WriteTicket(creation.Ticket) }).WriteAsHashAsync(Database, key);
        await Database.KeyDeleteAsync(key + ":history");
        await Database.ListRightPushAsync(key + ":history", [.. creation.History.Select(e => (RedisValue)StoreJson.WriteEntry(e))]);
        var old = await store.GetAsync(created.TicketId);
        var listed = (await store.ListAsync(new TicketQuery())).Items.Single(t => t.Id == created.TicketId);
        var note = Samples.Note(LongBody(6, 20));
        var updated = await store.UpdateAsync(created.TicketId, t => new TicketChange(t with { Subject = "Export still broken" }, [note], []));
        var read = await store.GetAsync(created.TicketId);

        Assert.NotNull(old);
        Assert.Equal(creation.Ticket.Body, old.Body);
        AssertSameHistory(creation.History, old.History);
        Assert.Equal(creation.Ticket.Body, listed.Body);
        Assert.NotNull(updated);
        Assert.Equal(StoredForm.Marker, (await JsonFieldAsync(created.TicketId))[0]);
        var elements = await HistoryElementsAsync(created.TicketId);
        Assert.Equal(creation.History.Count + 1, elements.Count);
        Assert.Equal(StoredForm.Marker, elements[^1][0]);
        Assert.NotNull(read);
        Assert.Equal("Export still broken", read.Subject);
        Assert.Equal(creation.Ticket.Body, read.Body);
        AssertSameHistory([.. creation.History, note], read.History);
    }

    [Fact]
    public async Task Update_CompressedTicket_KeepsEveryEntry_AndAShortEntryStaysPlain()
    {
        var store = Store(compressFrom: 512);
        var creation = Samples.Creation(body: LongBody(7, 40));
        var created = await store.CreateAsync(creation);
        var shortNote = Samples.Note("Asked for the log file.");
        var longNote = Samples.Note(LongBody(8, 20));

        await store.UpdateAsync(created.TicketId, t => new TicketChange(t with { Status = TicketStatus.Pending }, [shortNote], []));
        var updated = await store.UpdateAsync(created.TicketId, t => new TicketChange(t with { Body = t.Body + " More detail." }, [longNote], []));
        var read = await store.GetAsync(created.TicketId);

        Assert.NotNull(updated);
        Assert.NotNull(read);
        Assert.Equal(3, read.Version);
        Assert.Equal(TicketStatus.Pending, read.Status);
        Assert.Equal(creation.Ticket.Body + " More detail.", read.Body);
        AssertSameHistory([.. creation.History, shortNote, longNote], read.History);
        var elements = await HistoryElementsAsync(created.TicketId);
        Assert.Equal(3, elements.Count);
        Assert.Equal([(byte)'{', StoredForm.Marker], elements[1..].Select(e => e[0]));
    }

    [Fact]
    public async Task Update_SeveralEntries_AppendedAsOneElement_ReadBackInOrder()
    {
        var store = Store(compressFrom: 512);
        var creation = Samples.Creation();
        var created = await store.CreateAsync(creation);
        HistoryEntry[] notes = [Samples.Note("Asked for the log file."), Samples.Note(LongBody(12, 20)), Samples.Note("Escalated.")];

        await store.UpdateAsync(created.TicketId, t => new TicketChange(t with { Status = TicketStatus.Pending }, notes, []));
        var read = await store.GetAsync(created.TicketId);

        Assert.Equal(2, (await HistoryElementsAsync(created.TicketId)).Count);
        Assert.NotNull(read);
        AssertSameHistory([.. creation.History, .. notes], read.History);
    }

    [Fact]
    public async Task Create_TicketOfHundredsOfKilobytes_LengthHeaderOfThreeBytes_ReadsBackEqual()
    {
        var store = Store(compressFrom: 512);
        var creation = Samples.Creation(body: LongBody(13, 4_000));
        var plain = StoreJson.WriteTicket(creation.Ticket);

        var created = await store.CreateAsync(creation);
        var stored = await JsonFieldAsync(created.TicketId);
        var read = await store.GetAsync(created.TicketId);

        Assert.InRange(plain.Length, 1 << 14, (1 << 21) - 1);
        Assert.Equal(0, stored[4] & 0x80);
        Assert.NotEqual(0, stored[3] & 0x80);
        Assert.NotNull(read);
        Assert.Equal(plain, StoreJson.WriteTicket(read));
    }

    [Fact]
    public async Task Threaded_LongFollowUp_AppendedPlain_AndReadsBack()
    {
        var store = Store(compressFrom: 512);
        var opening = Samples.Creation(threadKey: "mail:thread-9", body: "Short opening message.");
        var followUp = Samples.Creation(threadKey: "mail:thread-9", body: LongBody(9, 40));
        var followUpEntry = followUp.ThreadedEntry with { Message = followUp.Ticket.Body };
        followUp = followUp with { ThreadedEntry = followUpEntry };

        var created = await store.CreateAsync(opening);
        var threaded = await store.CreateAsync(followUp);
        var read = await store.GetAsync(created.TicketId);

        Assert.Equal(CreateOutcome.Threaded, threaded.Outcome);
        Assert.Equal((byte)'{', (await HistoryElementsAsync(created.TicketId))[^1][0]);
        Assert.NotNull(read);
        AssertSameHistory([.. opening.History, followUpEntry], read.History);
    }

    [Fact]
    public async Task Merge_CompressedTickets_ReadBackWithBothHistories()
    {
        var store = Store(compressFrom: 512);
        var duplicate = Samples.Creation(body: LongBody(10, 40));
        var survivor = Samples.Creation(body: LongBody(11, 40));
        var d = await store.CreateAsync(duplicate);
        var s = await store.CreateAsync(survivor);
        var mergedInto = Samples.Note("Merged into the survivor.");
        var mergedFrom = Samples.Note("Merged the duplicate in.");

        var merged = await store.MergeAsync(d.TicketId, s.TicketId, (dup, sur) => new TicketMerge(
            dup with { Status = TicketStatus.Closed }, sur with { Body = sur.Body + " " + dup.Body }, mergedInto, mergedFrom));
        var closed = await store.GetAsync(d.TicketId);

        Assert.NotNull(merged);
        Assert.Equal(survivor.Ticket.Body + " " + duplicate.Ticket.Body, merged.Body);
        AssertSameHistory([.. survivor.History.Concat(duplicate.History).OrderBy(e => e.At), mergedFrom], merged.History);
        Assert.Equal(StoredForm.Marker, Assert.Single(await HistoryElementsAsync(s.TicketId))[0]);
        Assert.Equal(StoredForm.Marker, (await JsonFieldAsync(s.TicketId))[0]);
        Assert.NotNull(closed);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal(duplicate.Ticket.Body, closed.Body);
        AssertSameHistory([mergedInto], closed.History);
    }

    [Fact]
    public async Task ListAndSearch_CompressedTickets_ReturnTheirFullJson()
    {
        var store = Store(compressFrom: 512);
        var creations = Enumerable.Range(20, 3).Select(i => Samples.Creation(body: "Quasar: " + LongBody(i, 40))).ToList();
        foreach (var creation in creations)
        {
            await store.CreateAsync(creation);
        }

        var listed = (await store.ListAsync(new TicketQuery())).Items;
        var searched = (await store.ListAsync(new TicketQuery { Search = "quasar", Sort = TicketSort.Updated })).Items;

        var expected = creations.Select(c => c.Ticket.Body).Order(StringComparer.Ordinal);
        Assert.Equal(expected, listed.Select(t => t.Body).Order(StringComparer.Ordinal));
        Assert.Equal(expected, searched.Select(t => t.Body).Order(StringComparer.Ordinal));
        Assert.All(creations, c => Assert.Equal(StoreJson.WriteTicket(c.Ticket), StoreJson.WriteTicket(listed.Single(t => t.Id == c.Ticket.Id))));
    }

    [Fact]
    public async Task TicketsAnEarlierVersionWroteAsHashes_AreRead_ThreadedOnto_Merged_AndBecomeStringsWhenWritten()
    {
        var store = Store(compressFrom: 512);
        var parent = Samples.Creation(body: LongBody(12, 40), threadKey: "thread-old");
        var duplicate = Samples.Creation(body: "The quokka export is empty.");
        var p = await store.CreateAsync(parent);
        var d = await store.CreateAsync(duplicate);
        foreach (var (id, creation) in new[] { (p.TicketId, parent), (d.TicketId, duplicate) })
        {
            // As an earlier version kept them: a hash of fields, every history element in the list.
            var key = prefix + "ticket:" + id;
            await (await StoredTicket.ReadAsync(Database, key)).WriteAsHashAsync(Database, key);
            await Database.ListRightPushAsync(key + ":history", [.. creation.History.Select(e => (RedisValue)StoreJson.WriteEntry(e))]);
        }

        var read = await store.GetAsync(p.TicketId);
        var found = (await store.ListAsync(new TicketQuery { Search = "quokka" })).Items;
        var replay = await store.CreateAsync(duplicate);
        var threaded = await store.CreateAsync(Samples.Creation(body: "Any news?", threadKey: "thread-old"));

        Assert.NotNull(read);
        Assert.Equal(parent.Ticket.Body, read.Body);
        AssertSameHistory(parent.History, read.History);
        Assert.Equal(d.TicketId, Assert.Single(found).Id);
        Assert.Equal((CreateOutcome.Duplicate, d.Number), (replay.Outcome, replay.Number));
        Assert.Equal((CreateOutcome.Threaded, p.TicketId), (threaded.Outcome, threaded.TicketId));
        Assert.Equal(RedisType.String, await Database.KeyTypeAsync(prefix + "ticket:" + p.TicketId));
        var afterThread = await store.GetAsync(p.TicketId);
        Assert.Equal(read.Version + 1, afterThread!.Version);
        Assert.Equal(parent.History.Count + 1, afterThread.History.Count);

        var merged = await store.MergeAsync(d.TicketId, p.TicketId, (dup, sur) => new TicketMerge(
            dup with { Status = TicketStatus.Closed }, sur, Samples.Note("Merged into the parent."), Samples.Note("Merged the duplicate in.")));

        Assert.NotNull(merged);
        Assert.Equal(RedisType.String, await Database.KeyTypeAsync(prefix + "ticket:" + d.TicketId));
        Assert.Equal(p.TicketId, (await StoredTicket.ReadAsync(Database, prefix + "ticket:" + d.TicketId)).Merged);
        Assert.Equal(parent.History.Count + duplicate.History.Count + 2, merged.History.Count);
        // The merged duplicate's number names it; its follow-up continues on the survivor its string names.
        var followUp = await store.CreateAsync(Samples.Creation(body: "Still empty.", threadKey: ThreadKeys.ForTicket(d.Number)));
        Assert.Equal((CreateOutcome.Threaded, p.TicketId), (followUp.Outcome, followUp.TicketId));
    }

    [Fact]
    public async Task Read_StoredValueOfAnUnknownFormat_FailsInsteadOfGuessing()
    {
        var store = Store(compressFrom: 512);
        var created = await store.CreateAsync(Samples.Creation());
        var key = prefix + "ticket:" + created.TicketId;
        await ((await StoredTicket.ReadAsync(Database, key)) with { Json = [StoredForm.Marker, 9, 3, 1, 2, 3] }).WriteAsync(Database, key);

        await Assert.ThrowsAsync<JsonException>(() => store.GetAsync(created.TicketId));
    }

    [Theory]
    [InlineData("-1", false)]
    [InlineData("0", true)]
    [InlineData("4096", true)]
    public void CompressFrom_ValidatedAtStart_NegativeFailsNamingTheSetting(string value, bool valid)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["SyncHub:Redis:CompressFrom"] = value,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRedisStore(configuration);
        using var provider = services.BuildServiceProvider();

        if (valid)
        {
            Assert.Equal(int.Parse(value, CultureInfo.InvariantCulture), provider.GetRequiredService<IOptions<RedisStoreOptions>>().Value.CompressFrom);
        }
        else
        {
            var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RedisStoreOptions>>().Value);
            Assert.Contains("SyncHub:Redis:CompressFrom", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CompressFrom_NotConfigured_Is512()
    {
        Assert.Equal(512, new RedisStoreOptions().CompressFrom);
    }

    /// <summary>Support-ticket text that does not repeat itself, about 70 bytes a sentence.</summary>
    private static string LongBody(int seed, int sentences)
    {
        var random = new Random(seed);
        string[] what = ["export", "login", "upload", "invoice", "sync", "search", "report", "backup"];
        string[] how = ["fails with", "stops after", "times out on", "shows", "returns", "logs"];
        return string.Join(' ', Enumerable.Range(0, sentences).Select(_ => string.Create(CultureInfo.InvariantCulture,
            $"The {what[random.Next(what.Length)]} {how[random.Next(how.Length)]} E{random.Next(1000, 99999)} on srv-{random.Next(1, 5000)} for {random.Next(2, 400)} users.")));
    }

    private static void AssertSameHistory(IEnumerable<HistoryEntry> expected, IEnumerable<HistoryEntry> actual) =>
        Assert.Equal(expected.Select(e => StoreJson.WriteEntry(e)), actual.Select(e => StoreJson.WriteEntry(e)));

    private RedisTicketStore Store(int compressFrom) => new(
        redis.Connection,
        Options.Create(new RedisStoreOptions { ConnectionString = redis.ConnectionString, KeyPrefix = prefix, CompressFrom = compressFrom }),
        NullLogger<RedisTicketStore>.Instance);

    private async Task<byte[]> JsonFieldAsync(string id) => (await StoredTicket.ReadAsync(Database, prefix + "ticket:" + id)).Json;

    /// <summary>The stored history elements as get.lua reads them: the ticket's own element, then the list.</summary>
    private async Task<List<byte[]>> HistoryElementsAsync(string id)
    {
        var own = (await StoredTicket.ReadAsync(Database, prefix + "ticket:" + id)).History;
        var listed = (await Database.ListRangeAsync(prefix + "ticket:" + id + ":history")).Select(e => (byte[])e!);
        return own is null ? [.. listed] : [own, .. listed];
    }
}
