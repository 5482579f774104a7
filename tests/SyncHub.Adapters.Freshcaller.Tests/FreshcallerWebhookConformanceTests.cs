using System.Text.Json.Nodes;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Freshcaller.Tests.FreshcallerFake;

namespace SyncHub.Adapters.Freshcaller.Tests;

public sealed class FreshcallerWebhookConformanceTests : WebhookSourceConformance<FreshcallerWebhook>
{
    private readonly FreshcallerFake freshcaller;

    public FreshcallerWebhookConformanceTests() => freshcaller = Track(new FreshcallerFake());

    protected override IEnumerable<string> Secrets => [FreshcallerFake.ApiKey, FreshcallerSettings.WebhookSecret];

    protected override IReadOnlyCollection<string> SignatureHeaders => ["X-Webhook-Secret"];

    protected override FreshcallerWebhook CreateSource() =>
        (FreshcallerWebhook)Harness(new FreshcallerModule(), FreshcallerSettings.For(freshcaller)).Webhook("freshcaller");

    protected override WebhookRequest ValidRequest() =>
        WebhookRequests.Post(new JsonObject { ["call"] = Call(501, "2026-11-30T11:58:00Z") }.ToJsonString(), ("X-Webhook-Secret", FreshcallerSettings.WebhookSecret));

    protected override WebhookRequest Signed(ReadOnlyMemory<byte> body) =>
        WebhookRequests.Post(body, ("X-Webhook-Secret", FreshcallerSettings.WebhookSecret));
}
