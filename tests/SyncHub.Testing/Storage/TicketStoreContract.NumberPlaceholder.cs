using SyncHub.Domain;
using SyncHub.Storage;
using Xunit;

namespace SyncHub.Testing.Storage;

/// <summary>
/// Outbox events written with a ticket's creation name its number before it exists (<see cref="TicketCreation.NumberPlaceholder"/>):
/// the store writes the number it assigns in their place, and leaves every other text as it was.
/// </summary>
public abstract partial class TicketStoreContract
{
    [Fact]
    public async Task CreateAsync_EventTextsWithTheNumberPlaceholder_GetTheAssignedNumberInEveryPlace()
    {
        var store = CreateStore();
        await store.CreateAsync(Samples.Creation());
        var creation = WithFollowUp(Samples.Creation(channel: Channel.Phone), new Dictionary<string, string>
        {
            ["subject"] = $"[#{TicketCreation.NumberPlaceholder}] We received your call",
            ["body"] = $"Ticket #{TicketCreation.NumberPlaceholder} is open.\nKeep [#{TicketCreation.NumberPlaceholder}] in the subject.",
            ["link"] = $"https://support.example.com/#/tickets/{TicketCreation.NumberPlaceholder}{TicketCreation.NumberPlaceholder}",
            ["alone"] = TicketCreation.NumberPlaceholder,
        });

        var created = await store.CreateAsync(creation);

        var number = created.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TicketNumbers.First + 1, created.Number);
        var events = (await ReadAllOutboxAsync(store)).Select(e => e.Event).Where(e => e.TicketId == created.TicketId).ToList();
        Assert.Equal([OutboxEventTypes.TicketCreated, MailEvents.FollowUp], events.Select(e => e.Type));
        var mail = events[1];
        Assert.Equal(created.Number, mail.TicketNumber);
        Assert.Equal($"[#{number}] We received your call", mail.Data["subject"]);
        Assert.Equal($"Ticket #{number} is open.\nKeep [#{number}] in the subject.", mail.Data["body"]);
        Assert.Equal($"https://support.example.com/#/tickets/{number}{number}", mail.Data["link"]);
        Assert.Equal(number, mail.Data["alone"]);
        Assert.Equal(creation.Outbox[1].Id, mail.Id);
        Assert.Equal(creation.Outbox[0].Data, events[0].Data);
        var ticket = (await store.GetAsync(created.TicketId))!;
        Assert.Equal(1, ticket.Version);
        Assert.Equal(creation.History.Select(h => (h.Type, h.Message)), ticket.History.Select(h => (h.Type, h.Message)));
    }

    [Fact]
    public async Task CreateAsync_PlaceholderLikeTextsOfACustomer_AreWrittenAsTyped()
    {
        var store = CreateStore();
        const string Typed = "#\\u0001# {number} #\\\\u0001# \\#\\u0001#\\";
        var literal = TicketCreation.Literal($"name {TicketCreation.NumberPlaceholder} \u0001");
        var creation = WithFollowUp(Samples.Creation(channel: Channel.Phone), new Dictionary<string, string>
        {
            ["typed"] = Typed,
            ["literal"] = literal,
            ["body"] = $"{Typed} ticket #{TicketCreation.NumberPlaceholder} {literal}",
        });

        var created = await store.CreateAsync(creation);

        var mail = (await ReadAllOutboxAsync(store)).Select(e => e.Event).Single(e => e.Type == MailEvents.FollowUp);
        Assert.Equal(Typed, mail.Data["typed"]);
        Assert.Equal("name #\uFFFD# \uFFFD", literal);
        Assert.Equal(literal, mail.Data["literal"]);
        Assert.Equal($"{Typed} ticket #{created.Number} {literal}", mail.Data["body"]);
    }

    [Fact]
    public async Task CreateAsync_ReplayOfACreationWithNumberedTexts_WritesNothingTwice()
    {
        var store = CreateStore();
        var data = new Dictionary<string, string> { ["body"] = $"Ticket #{TicketCreation.NumberPlaceholder}" };
        var first = await store.CreateAsync(WithFollowUp(Samples.Creation(externalId: "call-7", channel: Channel.Phone), data));
        var before = await store.GetAsync(first.TicketId);

        var replay = await store.CreateAsync(WithFollowUp(Samples.Creation(externalId: "call-7", channel: Channel.Phone), data));

        Assert.Equal(CreateOutcome.Duplicate, replay.Outcome);
        Assert.Equal(Json(before!), Json((await store.GetAsync(first.TicketId))!));
        var mail = Assert.Single((await ReadAllOutboxAsync(store)).Select(e => e.Event), e => e.Type == MailEvents.FollowUp);
        Assert.Equal($"Ticket #{first.Number}", mail.Data["body"]);
    }

    /// <summary><paramref name="creation"/> with a follow-up mail after its events and a line about it in its history.</summary>
    private static TicketCreation WithFollowUp(TicketCreation creation, Dictionary<string, string> data)
    {
        var ticket = creation.Ticket;
        var mail = new OutboxEvent
        {
            Id = $"{ticket.Id}:call-follow-up",
            Type = MailEvents.FollowUp,
            TicketId = ticket.Id,
            CreatedAt = ticket.CreatedAt,
            Data = data,
        };
        var entry = new HistoryEntry(ticket.CreatedAt, "call-follow-up", "Follow-up e-mail queued", new Dictionary<string, string> { ["eventId"] = mail.Id });
        return creation with { History = [.. creation.History, entry], Outbox = [.. creation.Outbox, mail] };
    }
}
