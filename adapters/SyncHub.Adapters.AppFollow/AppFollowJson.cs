using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHub.Adapters.AppFollow;

/// <summary>AppFollow's JSON: snake_case names; numbers (ratings, flags, pages) may arrive as strings.</summary>
internal static class AppFollowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        MaxDepth = 32,
    };
}
