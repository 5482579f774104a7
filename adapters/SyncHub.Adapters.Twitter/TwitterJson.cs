using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHub.Adapters.Twitter;

/// <summary>The X API's JSON: snake_case names, ids as strings.</summary>
internal static class TwitterJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        MaxDepth = 64,
    };
}
