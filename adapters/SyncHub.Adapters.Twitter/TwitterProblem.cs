using System.Text.Json;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// X's error body: the problem form <c>{title, detail, type, status}</c>, often with <c>errors: [{message, parameters: {name: [...]}}]</c>,
/// and the older <c>{errors: [{code, message}]}</c>. Only what X wrote about the request; never a credential.
/// </summary>
internal sealed record TwitterProblem(string? Title, string? Detail, string? Parameter, IReadOnlyList<string> Messages)
{
    public static TwitterProblem None { get; } = new(null, null, null, []);

    /// <summary>What X said, for a refusal's reason: the detail and the messages of <c>errors</c>, or the title.</summary>
    public string? Text
    {
        get
        {
            var parts = new[] { Detail }.Concat(Messages).Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();
            return parts.Count > 0 ? string.Join("; ", parts) : Title;
        }
    }

    public static TwitterProblem Read(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return None;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            string? parameter = null;
            var messages = new List<string>();
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var items = errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList();
                parameter = items
                    .Where(e => e.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
                    .SelectMany(e => e.GetProperty("parameters").EnumerateObject().Select(p => p.Name))
                    .FirstOrDefault();
                messages.AddRange(items.Select(e => Field(e, "message")).OfType<string>());
            }

            return new TwitterProblem(Field(root, "title"), Field(root, "detail") ?? Field(root, "error_description"), parameter, messages);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? Field(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
