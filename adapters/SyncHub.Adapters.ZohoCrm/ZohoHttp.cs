using System.Text.Json;
using RestSharp;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// The HTTP plumbing shared by the accounts (OAuth) and CRM clients: a <see cref="RestClient"/> over an
/// <see cref="IHttpClientFactory"/> client, and the resilience pipeline that retries only transient failures.
/// </summary>
internal static class ZohoHttp
{
    public const string ApiClientName = "SyncHub.ZohoCrm.Api";
    public const string AccountsClientName = "SyncHub.ZohoCrm.Accounts";

    /// <summary>A RestSharp client over the named factory client (see <see cref="ToolHttp.CreateRestClient"/>).</summary>
    public static RestClient CreateRestClient(IHttpClientFactory httpClients, string name, Uri baseUrl) =>
        ToolHttp.CreateRestClient(httpClients, name, baseUrl);

    /// <summary>Throws when no HTTP answer came back (network failure, timeouts exhausted, cancellation).</summary>
    public static void EnsureAnswered(RestResponse response, string what, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ResponseStatus != ResponseStatus.Completed)
        {
            throw new ZohoCrmException(
                $"{what} did not answer ({response.ResponseStatus}): {response.ErrorException?.Message ?? response.ErrorMessage}",
                response.ErrorException);
        }
    }

    /// <summary>The JSON body, or an undefined element when the body is empty or not JSON.</summary>
    public static JsonElement Json(RestResponse response)
    {
        if (string.IsNullOrWhiteSpace(response.Content))
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<JsonElement>(response.Content);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>A string property of a JSON object, or null.</summary>
    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
