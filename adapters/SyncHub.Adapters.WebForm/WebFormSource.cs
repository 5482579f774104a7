using System.Text.Json;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.WebForm;

/// <summary>
/// <c>POST /api/intake/web</c>: a support-portal or website form submission becomes one Web ticket. The
/// form's <c>submissionId</c> is the external id (a hash of sender, subject and message when it sends none),
/// so a resubmitted form gives the same ticket.
/// </summary>
public sealed class WebFormSource(IOptionsMonitor<WebFormOptions> options, TimeProvider time) : IWebhookSource
{
    public const string SourceName = "WebForm";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 8,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip,
    };

    public string Name => SourceName;

    public string Route => "web";

    public string? ExampleRequest(Uri url) =>
        $"curl -i -X POST {url} -H 'Authorization: Bearer {options.CurrentValue.Token}' -H 'Content-Type: application/json' " +
        "-d '{\"name\":\"Ana Souza\",\"email\":\"ana@example.com\",\"subject\":\"Cannot log in\",\"message\":\"The desktop app says my password is wrong.\",\"priority\":\"Medium\",\"clientVersion\":\"6.4.1\",\"submissionId\":\"demo-1\"}'";

    public ValueTask<WebhookResult> ReadAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.CurrentValue;
        if (!BearerToken.Matches(request.Header("Authorization"), settings.Token))
        {
            return ValueTask.FromResult(WebhookResult.Unauthorized("missing or wrong bearer token"));
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(WebhookResult.Reject(405, "Method not allowed"));
        }

        var (form, problem) = ParseJson(request.Body);
        return ValueTask.FromResult(problem ?? WebFormMapper.Map(form!, settings, time.GetUtcNow()));
    }

    /// <summary>The form of a JSON body, or the problem naming the field that is not readable.</summary>
    internal static (WebFormSubmission? Form, WebhookResult? Problem) ParseJson(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize<WebFormSubmission>(body.Span, Json) is { } form
                ? (form, null)
                : (null, WebhookResult.Invalid("body", "the body must be a JSON object"));
        }
        catch (JsonException ex)
        {
            return (null, WebhookResult.Invalid(string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.'), "the body is not a valid JSON form submission"));
        }
    }
}
