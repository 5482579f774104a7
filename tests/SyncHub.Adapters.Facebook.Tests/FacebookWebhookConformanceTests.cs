using System.Security.Cryptography;
using System.Text;
using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.Facebook.Tests.FacebookPayloads;

namespace SyncHub.Adapters.Facebook.Tests;

public sealed class FacebookWebhookConformanceTests : WebhookSourceConformance<FacebookWebhook>
{
    protected override IEnumerable<string> Secrets => [AppSecret, VerifyToken];

    protected override IReadOnlyCollection<string> SignatureHeaders => ["X-Hub-Signature-256"];

    protected override FacebookWebhook CreateSource() => (FacebookWebhook)Harness(new FacebookModule(), FacebookSettings.For()).Webhook("facebook");

    protected override WebhookRequest ValidRequest() =>
        FacebookPayloads.Signed(Page(Entry(messaging: [Message("m_AbCdEf", "Hi, the app does not open since the update")], changes: [Comment("106358284731337_9182736455", "Still broken on Android")])).ToJsonString());

    protected override WebhookRequest Signed(ReadOnlyMemory<byte> body) =>
        WebhookRequests.Post(body, ("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), body.Span))));
}
