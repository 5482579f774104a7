using SyncHub.Domain;
using SyncHub.Sdk.Testing;
using SyncHub.Testing.Fakes;

namespace SyncHub.Adapters.RocketChat.Tests;

/// <summary>The adapter's configuration for a <see cref="RocketChatFake"/> (the bot's REST credentials, #support), and the alerts it posts.</summary>
internal static class RocketChatSettings
{
    public const string Section = "SyncHub:Adapters:RocketChat";

    /// <summary>The settings (keys relative to the section), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(RocketChatFake fake, IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["BaseUrl"] = fake.Url,
            ["UserId"] = RocketChatFake.UserId,
            ["AuthToken"] = RocketChatFake.AuthToken,
            ["DefaultChannel"] = "#support",
            ["DashboardUrl"] = "https://support.example.com/",
            ["DisplayTimeZone"] = "America/Sao_Paulo",
        },
        overrides);

    /// <summary>The module wired as the host wires it, pointed at <paramref name="fake"/>.</summary>
    public static AdapterHarness Harness(RocketChatFake fake, IDictionary<string, string?>? overrides = null) => new(new RocketChatModule(), For(fake, overrides));

    /// <summary>An escalation alert as the core writes it to the outbox.</summary>
    public static OutboxEvent Escalation(string id = "1796122680000-0", string? channel = null, long number = 10423) => new()
    {
        Id = id,
        Type = ChatEvents.Message,
        TicketId = "tkt_01JD5",
        TicketNumber = number,
        Target = "RocketChat",
        CreatedAt = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero),
        Data = new Dictionary<string, string>
        {
            [ChatEvents.Channel] = channel ?? "",
            [ChatEvents.Mention] = "ana.souza",
            [ChatEvents.Title] = "Escalated to developers",
            [ChatEvents.Text] = "Login fails for every user since the 6.4 upgrade.\nCustomer on the hotline.",
            [ChatEvents.Priority] = "High",
            [ChatEvents.Subject] = "Hotline call from +5511987654321",
            [ChatEvents.DueAt] = "2026-11-30T12:30:00Z",
            [ChatEvents.Kind] = "escalation",
        },
    };
}
