using System.Text.Json;
using System.Text.Unicode;

namespace SyncHub.Adapters;

/// <summary>
/// Whether the strings of a JSON body can be read as text. <see cref="JsonDocument"/> accepts invalid UTF-8 inside a
/// string and escaped lone surrogates (<c>"\ud800"</c>); <see cref="JsonElement.GetString"/> then throws
/// <see cref="InvalidOperationException"/>, which a webhook would answer with 500 (and the tool would retry for ever).
/// Webhooks that read a body with <see cref="JsonDocument"/> check it here first and answer 400.
/// </summary>
public static class JsonText
{
    /// <summary>
    /// Null when every string and property name decodes, otherwise what is wrong. A body that is not JSON at all is
    /// left to the caller's parser (null), so it reports the syntax error its own way.
    /// </summary>
    public static string? Problem(ReadOnlySpan<byte> json, int maxDepth = 64)
    {
        if (!Utf8.IsValid(json))
        {
            return "is not valid UTF-8";
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return "holds a string that is not valid Unicode (a lone surrogate escape)";
        }

        return null;
    }

    /// <summary>
    /// Parses a webhook body as JSON (valid UTF-8, at most <paramref name="maxDepth"/> levels); false with the 400
    /// answer naming <c>body</c> when it is not.
    /// </summary>
    public static bool TryParse(
        ReadOnlyMemory<byte> body,
        int maxDepth,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out System.Text.Json.JsonDocument? document,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out WebhookResult? invalid)
    {
        document = null;
        invalid = null;
        if (Problem(body.Span) is { } problem)
        {
            invalid = WebhookResult.Invalid("body", problem);
            return false;
        }

        try
        {
            document = System.Text.Json.JsonDocument.Parse(body, new System.Text.Json.JsonDocumentOptions { MaxDepth = maxDepth });
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            invalid = WebhookResult.Invalid("body", "the body is not JSON");
            return false;
        }
    }
}
