using System.Globalization;
using System.Text;

namespace SyncHub.Adapters;

/// <summary>
/// A ticket subject made from a message's text: whitespace runs (line breaks too) become one space, and a text longer
/// than the limit is cut at a whole character (never inside an emoji or a surrogate pair) and ends with an ellipsis.
/// </summary>
public static class SubjectLine
{
    public const int DefaultLength = 80;

    public static string From(string? text, int maxLength = DefaultLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var flat = new StringBuilder(Math.Min(text.Length, maxLength * 2));
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (flat.Length > 0)
            {
                flat.Append(' ');
            }

            flat.Append(part);
            if (flat.Length > maxLength * 4)
            {
                break;
            }
        }

        var line = flat.ToString();
        if (line.Length <= maxLength)
        {
            return line;
        }

        // Keep whole text elements (grapheme clusters) that fit, leaving room for the ellipsis.
        var cut = 0;
        var elements = StringInfo.GetTextElementEnumerator(line);
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (end > maxLength - 1)
            {
                break;
            }

            cut = end;
        }

        return string.Concat(line.AsSpan(0, cut).TrimEnd(), "…");
    }
}
