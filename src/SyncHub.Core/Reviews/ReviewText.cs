using System.Globalization;
using System.Text;

namespace SyncHub.Reviews;

/// <summary>
/// Review wording compared the way people write it: lower case, accents removed, every run of punctuation or space one
/// space, with a space at both ends. A term matches at the start of a word, so <c>crash</c> finds "Crashes!" and
/// <c>log in</c> finds "can't log-in", while <c>login</c> does not find "blogging".
/// </summary>
public static class ReviewText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return " ";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length + 2).Append(' ');
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                result.Append(char.ToLowerInvariant(c));
            }
            else if (result[^1] != ' ')
            {
                result.Append(' ');
            }
        }

        if (result[^1] != ' ')
        {
            result.Append(' ');
        }

        return result.ToString();
    }

    /// <summary>A configured term as it is searched for: normalized, without the trailing space (a prefix of a word).</summary>
    public static string Term(string term) => Normalize(term).TrimEnd();

    /// <summary>True when <paramref name="normalizedText"/> (from <see cref="Normalize"/>) has a word starting with <paramref name="term"/> (from <see cref="Term"/>).</summary>
    public static bool Mentions(string normalizedText, string term) =>
        term.Length > 1 && normalizedText.Contains(term, StringComparison.Ordinal);
}
