using SyncHub.Domain;

namespace SyncHub.Adapters.RocketChat.Tests;

public sealed class RocketChatMessageTests
{
    private static readonly RocketChatOptions Options = new() { DashboardUrl = new Uri("https://support.example.com/app") };

    private static OutboxEvent Event(Dictionary<string, string> data, long number = 7) => new()
    {
        Id = "e-1",
        Type = ChatEvents.Message,
        TicketId = "t-1",
        TicketNumber = number,
        CreatedAt = DateTimeOffset.UnixEpoch,
        Data = data,
    };

    [Fact]
    public void Format_UntrustedText_CannotMentionOrBreakOutOfTheCodeBlock()
    {
        var message = RocketChatMessage.Format(
            Event(new() { [ChatEvents.Title] = "Ping @all", [ChatEvents.Subject] = "hi @here\nsecond line", [ChatEvents.Text] = "```\n@all *bold*\n```" }),
            Options);

        var lines = message.Split('\n');
        Assert.Equal("*Ping @\u2060all* · ticket #7", lines[0]);
        Assert.Equal("Subject: hi @\u2060here second line", lines[1]);

        // The text stays inside one code block, where Rocket.Chat renders neither mentions nor markup.
        Assert.Equal(["```", "`\u200B`\u200B`", "@all *bold*", "`\u200B`\u200B`", "```"], lines[2..7]);
        Assert.Equal(2, message.Split("```").Length - 1);
    }

    [Fact]
    public void Format_OnlyTitle_OmitsMissingPartsAndUsesUtc()
    {
        var message = RocketChatMessage.Format(Event(new() { [ChatEvents.Title] = "SLA breached", [ChatEvents.DueAt] = "2026-11-30T12:30:00Z" }), Options);

        Assert.Equal("*SLA breached* · ticket #7\nSLA due: 2026-11-30 12:30 UTC\nhttps://support.example.com/app/#/tickets/7", message);
    }

    [Fact]
    public void Format_InvalidMentionAndNoDashboard_PostsNoMentionAndNoLink()
    {
        var message = RocketChatMessage.Format(Event(new() { [ChatEvents.Mention] = "all here", [ChatEvents.Title] = "x" }), new RocketChatOptions());

        Assert.Equal("*x* · ticket #7", message);
    }

    [Fact]
    public void Format_LongText_IsCutInsideRocketChatsMessageLimit()
    {
        var message = RocketChatMessage.Format(Event(new() { [ChatEvents.Text] = new string('a', 20_000) }), Options);

        Assert.True(message.Length < 5000);
    }

    [Fact]
    public void MessageId_SameEvent_SameSeventeenCharacterId()
    {
        var first = RocketChatMessageId.From("1796122680000-0");

        Assert.Equal(first, RocketChatMessageId.From("1796122680000-0"));
        Assert.NotEqual(first, RocketChatMessageId.From("1796122680000-1"));
        Assert.Equal(17, first.Length);
    }
}
