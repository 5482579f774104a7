using System.Globalization;
using System.Text.Json;

namespace SyncHub.Adapters.JsonFeed;

/// <summary>
/// The small JSONPath subset the feed mapping uses: <c>$</c> (the element itself), member steps <c>$.a.b</c> or
/// <c>$['a b']</c>, and array indexes <c>$.items[0].id</c>. No wildcards, filters or recursive descent: a field maps to
/// one value.
/// </summary>
internal sealed class JsonPath
{
    private readonly object[] steps;

    private JsonPath(string text, object[] steps)
    {
        Text = text;
        this.steps = steps;
    }

    public string Text { get; }

    public static JsonPath Root { get; } = new("$", []);

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> when it is not a path of the subset.</summary>
    public static JsonPath? TryParse(string? text, out string? error)
    {
        error = null;
        var path = text?.Trim();
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            error = "must start with $ (e.g. $.items or $.requester.email)";
            return null;
        }

        var steps = new List<object>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var start = ++i;
                while (i < path.Length && path[i] != '.' && path[i] != '[')
                {
                    i++;
                }

                if (i == start)
                {
                    error = $"has an empty member name at position {start}";
                    return null;
                }

                steps.Add(path[start..i]);
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    error = $"has an unclosed [ at position {i}";
                    return null;
                }

                var inner = path[(i + 1)..close].Trim();
                if (inner.Length >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[^1] == inner[0])
                {
                    steps.Add(inner[1..^1]);
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    steps.Add(index);
                }
                else
                {
                    error = $"has [{inner}]: only [n] indexes and ['name'] members are supported";
                    return null;
                }

                i = close + 1;
            }
            else
            {
                error = $"has '{path[i]}' at position {i} where . or [ was expected";
                return null;
            }
        }

        return new JsonPath(path, [.. steps]);
    }

    public static JsonPath Parse(string text) =>
        TryParse(text, out var error) ?? throw new FormatException($"'{text}' {error}");

    /// <summary>The element at this path under <paramref name="element"/>; false when a step does not exist.</summary>
    public bool TryFind(JsonElement element, out JsonElement found)
    {
        found = element;
        foreach (var step in steps)
        {
            switch (step)
            {
                case string name when found.ValueKind == JsonValueKind.Object && found.TryGetProperty(name, out var member):
                    found = member;
                    break;
                case int index when found.ValueKind == JsonValueKind.Array && index < found.GetArrayLength():
                    found = found[index];
                    break;
                default:
                    found = default;
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The value at this path as text: a string as it is, a number or boolean as written in the JSON, an object or array
    /// as its JSON; null when it is missing, null or an empty string.
    /// </summary>
    public string? ValueOf(JsonElement element)
    {
        if (!TryFind(element, out var found))
        {
            return null;
        }

        var text = found.ValueKind switch
        {
            JsonValueKind.String => found.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Object or JsonValueKind.Array => found.GetRawText(),
            _ => null,
        };
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public override string ToString() => Text;
}
