using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Livechat.Tests.LivechatPayloads;

namespace SyncHub.Adapters.Livechat.Tests;

public sealed class LivechatWebhookConformanceTests : WebhookSourceConformance<LivechatWebhook>
{
    protected override IEnumerable<string> Secrets => [Secret];

    protected override IReadOnlyCollection<string> SignatureHeaders => [TokenHeader];

    protected override LivechatWebhook CreateSource() => (LivechatWebhook)Harness(new LivechatModule(), LivechatSettings.For()).Webhook("livechat");

    protected override WebhookRequest ValidRequest() => Post(OfflineMessage().ToJsonString());

    protected override WebhookRequest Signed(ReadOnlyMemory<byte> body) => WebhookRequests.Post(body, (TokenHeader, Secret));
}
