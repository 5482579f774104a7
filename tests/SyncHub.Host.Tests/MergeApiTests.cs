using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Pipeline;

namespace SyncHub.Host.Tests;

/// <summary><c>POST /api/tickets/{id}/merge</c>: the duplicate's history and keys move to the survivor.</summary>
public sealed class MergeApiTests
{
    [Fact]
    public async Task Merge_ByNumbers_AnswersTheSurvivorAndLaterMessagesOfEitherThreadLandOnIt()
    {
        await using var hub = await HubServer.StartAsync();
        var pipeline = hub.App.Services.GetRequiredService<IIntakePipeline>();
        var survivor = await SubmitAsync(pipeline, "mail-1", "thread-a", "Printer offline");
        var duplicate = await SubmitAsync(pipeline, "mail-2", "thread-b", "Printer still offline");

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{duplicate.Number}/merge", new { into = $"#{survivor.Number}" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await hub.JsonAsync(response);
        Assert.Equal(survivor.TicketId, answer.GetProperty("id").GetString());
        var kept = await hub.TicketAsync(survivor.TicketId!);
        var closed = await hub.TicketAsync(duplicate.TicketId!);
        Assert.Equal((TicketStatus.Closed, survivor.TicketId), (closed.Status, closed.MergedInto));
        Assert.Contains(kept.History, e => e.Type == "created" && e.Data?["externalId"] == "mail-2");
        Assert.Equal("merged", kept.History[^1].Type);
        Assert.Equal("service:api-key", kept.History[^1].Data!["by"]);
        Assert.Equal("service:api-key", closed.History[^1].Data!["by"]);

        // A replay of the duplicate's message, and the next message of each thread, land on the survivor.
        var replay = await SubmitAsync(pipeline, "mail-2", "thread-b", "Printer still offline");
        var nextOfDuplicate = await SubmitAsync(pipeline, "mail-3", "thread-b", "Re: Printer still offline");
        var nextOfSurvivor = await SubmitAsync(pipeline, "mail-4", "thread-a", "Re: Printer offline");
        Assert.Equal((IntakeOutcome.Duplicate, survivor.TicketId), (replay.Outcome, replay.TicketId));
        Assert.Equal((IntakeOutcome.Threaded, survivor.TicketId), (nextOfDuplicate.Outcome, nextOfDuplicate.TicketId));
        Assert.Equal((IntakeOutcome.Threaded, survivor.TicketId), (nextOfSurvivor.Outcome, nextOfSurvivor.TicketId));

        // The duplicate is out of the search and the views.
        Assert.Equal([survivor.Number], await SearchApiTests.NumbersAsync(hub, "q=printer"));
    }

    [Fact]
    public async Task Merge_SameIdempotencyKeyTwice_MergesOnce()
    {
        await using var hub = await HubServer.StartAsync();
        var survivor = await SearchApiTests.CreateAsync(hub, "One", "m", "Ana", "a@example.com");
        var duplicate = await SearchApiTests.CreateAsync(hub, "Two", "m", "Ana", "a@example.com");

        async Task<HttpResponseMessage> MergeAsync()
        {
            var request = hub.Api(HttpMethod.Post, $"/api/tickets/{duplicate}/merge", new { into = survivor.ToString(CultureInfo.InvariantCulture) });
            request.Headers.Add("Idempotency-Key", "merge-7");
            return await hub.Client.SendAsync(request);
        }

        using var first = await MergeAsync();
        using var second = await MergeAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var ticket = await hub.TicketAsync(survivor.ToString(CultureInfo.InvariantCulture));
        Assert.Single(ticket.History, e => e.Type == "merged");
    }

    [Theory]
    [InlineData("self", "into")]
    [InlineData("closed", "into")]
    [InlineData("missing", "into")]
    [InlineData("blank", "into")]
    public async Task Merge_IntoItselfAClosedOrNoTicket_Returns400NamingInto(string target, string field)
    {
        await using var hub = await HubServer.StartAsync();
        var duplicate = await SearchApiTests.CreateAsync(hub, "One", "m", "Ana", "a@example.com");
        var other = await SearchApiTests.CreateAsync(hub, "Two", "m", "Ana", "a@example.com");
        using (var close = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{await SearchApiTests.IdAsync(hub, other)}/status", new { status = "Closed" })))
        {
            Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        }

        var into = target switch
        {
            "self" => duplicate.ToString(CultureInfo.InvariantCulture),
            "closed" => other.ToString(CultureInfo.InvariantCulture),
            "missing" => "99999",
            _ => " ",
        };

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, $"/api/tickets/{duplicate}/merge", new { into }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await hub.JsonAsync(response)).GetProperty("field").GetString());
        Assert.Null((await hub.TicketAsync(duplicate.ToString(CultureInfo.InvariantCulture))).MergedInto);
    }

    [Fact]
    public async Task Merge_UnknownDuplicate_Returns404()
    {
        await using var hub = await HubServer.StartAsync();
        var survivor = await SearchApiTests.CreateAsync(hub, "One", "m", "Ana", "a@example.com");

        using var response = await hub.Client.SendAsync(hub.Api(HttpMethod.Post, "/api/tickets/424242/merge", new { into = survivor.ToString(CultureInfo.InvariantCulture) }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<IntakeResult> SubmitAsync(IIntakePipeline pipeline, string externalId, string threadKey, string subject)
    {
        var result = await pipeline.TrySubmitAsync(new IntakeRecord
        {
            Source = "Internal",
            ExternalId = externalId,
            Channel = Channel.Email,
            ThreadKey = threadKey,
            Requester = new Requester("Ana Souza", "ana@example.com"),
            Subject = subject,
            Body = "The office printer shows offline.",
            ReceivedAt = TimeProvider.System.GetUtcNow(),
        });
        Assert.NotNull(result);
        return result;
    }
}
