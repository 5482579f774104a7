using SyncHub.Domain;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Facebook.Tests;

/// <summary>The adapter's configuration: the app secret that signs events and the handshake's verify token.</summary>
internal static class FacebookSettings
{
    public const string Section = "SyncHub:Adapters:Facebook";

    public static readonly DateTimeOffset Now = AdapterHarness.DefaultNow;

    /// <summary>The settings (keys relative to the section), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["AppSecret"] = FacebookPayloads.AppSecret,
            ["VerifyToken"] = FacebookPayloads.VerifyToken,
        },
        overrides);

    /// <summary>The settings with the page access token and the Graph API at <paramref name="graph"/>: the reply notifier is registered.</summary>
    public static Dictionary<string, string?> Replying(FacebookGraphFake graph, IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        For(new Dictionary<string, string?> { ["BaseUrl"] = graph.ApiUrl, ["PageAccessToken"] = FacebookGraphFake.Token }),
        overrides);

    /// <summary>A Messenger answer as the core writes it from the record's reply route: the customer wrote at <paramref name="lastMessageAt"/>.</summary>
    public static OutboxEvent Answer(string text, DateTimeOffset lastMessageAt, string id = "tkt_01JD5:reply:1") => new()
    {
        Id = id,
        Type = FacebookReplyEvents.Message,
        TicketId = "tkt_01JD5",
        TicketNumber = 10423,
        CreatedAt = Now,
        Data = new Dictionary<string, string>
        {
            [FacebookReplyEvents.PageId] = FacebookPayloads.PageId,
            [FacebookReplyEvents.RecipientId] = FacebookPayloads.CustomerPsid,
            [FacebookReplyEvents.LastMessageAt] = lastMessageAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            [ReplyRoute.TextKey] = text,
        },
    };

    /// <summary>A public reply to <see cref="FacebookGraphFake.CommentId"/> as the core writes it from the record's reply route.</summary>
    public static OutboxEvent CommentAnswer(string text, string id = "tkt_01JD6:reply:1") => new()
    {
        Id = id,
        Type = FacebookReplyEvents.Comment,
        TicketId = "tkt_01JD6",
        TicketNumber = 10424,
        CreatedAt = Now,
        Data = new Dictionary<string, string>
        {
            [FacebookReplyEvents.CommentId] = FacebookGraphFake.CommentId,
            [FacebookReplyEvents.PageId] = FacebookPayloads.PageId,
            [ReplyRoute.TextKey] = text,
        },
    };

    /// <summary>The module wired as the host wires it.</summary>
    public static AdapterHarness Harness(IDictionary<string, string?>? overrides = null) => new(new FacebookModule(), For(overrides));

    /// <summary>Reads <paramref name="request"/> with the webhook at <c>/api/intake/facebook</c>.</summary>
    public static async Task<WebhookResult> ReadAsync(this AdapterHarness harness, WebhookRequest request) =>
        await harness.Webhook("facebook").ReadAsync(request, CancellationToken.None);
}
