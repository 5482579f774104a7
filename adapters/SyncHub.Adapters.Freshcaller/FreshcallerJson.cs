using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>Freshcaller's JSON: snake_case names; ids may arrive as numbers or, from integrations, as strings.</summary>
internal static class FreshcallerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        MaxDepth = 32,
    };
}
