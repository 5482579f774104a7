using SyncHub.Sdk.Testing;
using static SyncHub.Adapters.WebForm.Tests.WebFormSettings;

namespace SyncHub.Adapters.WebForm.Tests;

public sealed class WebFormWebhookConformanceTests : WebhookSourceConformance<WebFormSource>
{
    protected override IEnumerable<string> Secrets => [Token];

    protected override IReadOnlyCollection<string> SignatureHeaders => ["Authorization"];

    protected override WebFormSource CreateSource() => (WebFormSource)Harness(new WebFormModule(), For()).Webhook("web");

    protected override WebhookRequest ValidRequest() =>
        Request("""{"name":"Ana Souza","email":"ana@example.com","subject":"Cannot log in","message":"The desktop app says my password is wrong.","submissionId":"s-41"}""");

    protected override WebhookRequest Signed(ReadOnlyMemory<byte> body) => WebhookRequests.Post(body, ("Authorization", "Bearer " + Token));
}
