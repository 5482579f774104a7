using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncHub.Domain;

/// <summary>The JSON shape of the API and the store: camelCase, enums as their names.</summary>
public static class SyncHubJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the SyncHub conventions to <paramref name="options"/> (the host's HTTP JSON options).</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
