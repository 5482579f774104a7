using Microsoft.Extensions.Time.Testing;
using SyncHub.Domain;
using SyncHub.InMemory;
using SyncHub.Storage;
using SyncHub.Testing.Storage;
using SyncHub.Workflow;

namespace SyncHub.Core.Tests.Workflow;

public sealed class TicketMergerTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2025, 3, 10, 13, 0, 0, TimeSpan.Zero));
    private readonly InMemoryTicketStore store = new();

    [Fact]
    public async Task MergeAsync_OpenDuplicate_ClosesItPointsItToTheSurvivorAndRecordsWhoMergedOnBoth()
    {
        var samples = new SampleRecords(time);
        var survivor = await store.CreateAsync(samples.Creation());
        var duplicate = await store.CreateAsync(samples.Creation());
        time.Advance(TimeSpan.FromMinutes(3));

        var result = await new TicketMerger(store, time).MergeAsync(duplicate.TicketId, survivor.TicketId, "Ana", "key-1");

        Assert.Null(result.Error);
        var merged = await store.GetAsync(duplicate.TicketId);
        Assert.Equal((TicketStatus.Closed, survivor.TicketId), (merged!.Status, merged.MergedInto));
        Assert.Equal(time.GetUtcNow(), result.Ticket!.UpdatedAt);
        Assert.Equal("Ana", result.Ticket.History[^1].Data!["by"]);
        Assert.Contains($"#{duplicate.Number}", result.Ticket.History[^1].Message, StringComparison.Ordinal);
        Assert.Contains($"#{survivor.Number}", merged.History[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergeAsync_Again_AnswersTheSurvivorWithoutASecondMerge()
    {
        var samples = new SampleRecords(time);
        var survivor = await store.CreateAsync(samples.Creation());
        var duplicate = await store.CreateAsync(samples.Creation());
        var merger = new TicketMerger(store, time);

        var first = await merger.MergeAsync(duplicate.TicketId, survivor.TicketId, "Ana", null);
        var again = await merger.MergeAsync(duplicate.TicketId, survivor.TicketId, "Ana", null);

        Assert.Equal(first.Ticket!.Version, again.Ticket!.Version);
        Assert.Single(again.Ticket.History, e => e.Type == TicketMerger.MergedHistoryType);
    }

    [Theory]
    [InlineData("self", WorkflowError.Invalid)]
    [InlineData("closed", WorkflowError.Invalid)]
    [InlineData("merged-survivor", WorkflowError.Invalid)]
    [InlineData("merged-elsewhere", WorkflowError.Conflict)]
    [InlineData("unknown", WorkflowError.NotFound)]
    public async Task MergeAsync_RefusedMerges_ChangeNothing(string kind, WorkflowError error)
    {
        var samples = new SampleRecords(time);
        var a = await store.CreateAsync(samples.Creation());
        var b = await store.CreateAsync(samples.Creation());
        var c = await store.CreateAsync(samples.Creation());
        var merger = new TicketMerger(store, time);
        (string Duplicate, string Survivor) pair = kind switch
        {
            "self" => (a.TicketId, a.TicketId),
            "closed" => (a.TicketId, b.TicketId),
            "merged-survivor" => (a.TicketId, b.TicketId),
            "merged-elsewhere" => (a.TicketId, b.TicketId),
            _ => (a.TicketId, "no-such-ticket"),
        };
        if (kind == "closed")
        {
            await store.UpdateAsync(b.TicketId, t => new TicketChange(t with { Status = TicketStatus.Closed }, [], []));
        }
        else if (kind == "merged-survivor")
        {
            await merger.MergeAsync(b.TicketId, c.TicketId, "Ana", null);
        }
        else if (kind == "merged-elsewhere")
        {
            await merger.MergeAsync(a.TicketId, c.TicketId, "Ana", null);
        }

        var before = await store.GetAsync(a.TicketId);

        var result = await merger.MergeAsync(pair.Duplicate, pair.Survivor, "Ana", null);

        Assert.Equal(error, result.Error);
        Assert.Equal(before!.Version, (await store.GetAsync(a.TicketId))!.Version);
        if (error == WorkflowError.Invalid)
        {
            Assert.Equal("into", result.Field);
        }
    }
}
