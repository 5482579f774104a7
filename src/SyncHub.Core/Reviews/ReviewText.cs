using System.Diagnostics.CodeAnalysis;
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
    public static string Normalize(string? text) => Normalize(text, null);

    /// <summary>
    /// <see cref="Normalize(string?)"/> of <paramref name="first"/>, a line break and <paramref name="second"/> (a review's
    /// title and text), without building that string: the only new string is the result.
    /// </summary>
    public static string Normalize(string? first, string? second)
    {
        char[]? buffer = null;
        var length = NormalizeInto(first, second, ref buffer);
        return new string(buffer, 0, length);
    }

    /// <summary>
    /// Writes <see cref="Normalize(string?, string?)"/> of the two texts into <paramref name="buffer"/>, which it replaces
    /// by a larger one when the text needs more room, and returns the length written.
    /// </summary>
    internal static int NormalizeInto(string? first, string? second, [NotNull] ref char[]? buffer)
    {
        var (a, b) = (Decomposed(first), Decomposed(second));

        // Each character gives at most one, plus the spaces at both ends and the one between.
        var most = a.Length + b.Length + 3;
        if (buffer is null || buffer.Length < most)
        {
            buffer = new char[Math.Max(most, (buffer?.Length ?? 0) * 2)];
        }

        buffer[0] = ' ';
        if (a.Length + b.Length == 0)
        {
            return 1;
        }

        var length = 1;
        Append(a, buffer, ref length);
        if (second is not null)
        {
            Space(buffer, ref length);
            Append(b, buffer, ref length);
        }

        Space(buffer, ref length);
        return length;
    }

    /// <summary>A configured term as it is searched for: normalized, without the trailing space (a prefix of a word).</summary>
    public static string Term(string term) => Normalize(term).TrimEnd();

    /// <summary>True when <paramref name="normalizedText"/> (from <see cref="Normalize"/>) has a word starting with <paramref name="term"/> (from <see cref="Term"/>).</summary>
    public static bool Mentions(string normalizedText, string term) => Mentions(normalizedText.AsSpan(), term);

    /// <summary>As <see cref="Mentions(string, string)"/>, over normalized text in a buffer.</summary>
    internal static bool Mentions(ReadOnlySpan<char> normalizedText, string term) =>
        term.Length > 1 && normalizedText.Contains(term, StringComparison.Ordinal);

    /// <summary>The text in Unicode form D (the same instance when it is already, as ASCII text is).</summary>
    private static string Decomposed(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.IsNormalized(NormalizationForm.FormD) ? text : text.Normalize(NormalizationForm.FormD);

    private static void Append(string decomposed, char[] buffer, ref int length)
    {
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
            else
            {
                Space(buffer, ref length);
            }
        }
    }

    /// <summary>A space, unless the text so far ends with one.</summary>
    private static void Space(char[] buffer, ref int length)
    {
        if (buffer[length - 1] != ' ')
        {
            buffer[length++] = ' ';
        }
    }
}
