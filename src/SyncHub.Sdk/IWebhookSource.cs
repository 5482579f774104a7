namespace SyncHub.Adapters;

/// <summary>
/// A tool that pushes to SyncHub. The host exposes it at <c>/api/intake/{route}</c>, hands it the raw
/// request (no HttpContext) and answers only after the records are stored.
/// </summary>
public interface IWebhookSource
{
    /// <summary>The adapter name: the configuration key and the <c>source</c> tag on metrics.</summary>
    string Name { get; }

    /// <summary>The path segment under <c>/api/intake/</c>, e.g. <c>web</c>.</summary>
    string Route { get; }

    /// <summary>
    /// True for tools that treat only 200 as delivered and retry anything else (Rocket.Chat, Facebook): a created
    /// ticket is then answered 200 too; the body still tells created from duplicate.
    /// </summary>
    bool AnswersCreatedWith200 => false;

    /// <summary>
    /// A ready-to-paste command (e.g. <c>curl</c>) that sends this webhook one valid request at <paramref name="url"/>, for a
    /// new user trying the hub; the host logs it in the Development environment only, as it may carry the configured
    /// token. Null (the default) when the tool has no simple request to show.
    /// </summary>
    string? ExampleRequest(Uri url) => null;

    /// <summary>Verifies the request (signature or token) and maps it to records.</summary>
    ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken cancellationToken);
}
