using System.Text.Json;
using SyncHub.Domain;

namespace SyncHub.Host.Endpoints;

/// <summary>Reads a size-limited JSON request body; a problem naming the field when it is not valid.</summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, int limit, CancellationToken cancellationToken)
        where T : class
    {
        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return (null, Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"the body is larger than {limit} bytes"));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body.Value.Span, SyncHubJson.Options);
            return value is null ? (null, Problems.Field("body", "must be a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return (null, Problems.Field(field, "is not valid here"));
        }
    }
}
