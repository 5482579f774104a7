using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SyncHub.Adapters.Twitter;

/// <summary>
/// The length of a post as X counts it against its 280 limit (twitter-text's weighted count, v3 configuration), so a reply
/// that is too long is refused before it is sent, and never cut. After Unicode NFC normalisation: a URL (<c>http://</c>,
/// <c>https://</c> or <c>www.</c> up to the next space) counts 23 whatever its length; an emoji, with its modifiers and
/// joiners, counts 2; a character in U+0000-U+10FF (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic scripts...), U+2000-U+200D,
/// U+2010-U+201F or U+2032-U+2037 counts 1; every other character (CJK, Japanese, Korean...) counts 2. This is an
/// approximation: twitter-text also counts a bare domain (<c>example.com</c>) as a URL, which this does not.
/// </summary>
public static partial class TweetLength
{
    /// <summary>The most a post may weigh.</summary>
    public const int Limit = 280;

    /// <summary>What every URL weighs (X shortens it to a t.co link).</summary>
    public const int UrlWeight = 23;

    /// <summary>The weighted length of <paramref name="text"/>.</summary>
    public static int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormC);
        var weight = 0;
        var last = 0;
        foreach (Match url in Urls().Matches(normalized))
        {
            weight += Plain(normalized[last..url.Index]) + UrlWeight;
            last = url.Index + url.Length;
        }

        return weight + Plain(normalized[last..]);
    }

    /// <summary>
    /// Null when <paramref name="text"/> fits in a post; otherwise why not, naming its length and the limit (for a refusal the
    /// agent sees: the reply is never cut).
    /// </summary>
    public static string? Check(string text)
    {
        var length = Count(text);
        return length <= Limit
            ? null
            : $"the reply is {length} characters long as X counts them (a URL counts {UrlWeight}, an emoji or a CJK character 2); X takes at most {Limit}: shorten it, it is never cut";
    }

    private static int Plain(string text)
    {
        var weight = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (IsEmoji(element))
            {
                weight += 2;
                continue;
            }

            foreach (var rune in element.EnumerateRunes())
            {
                weight += IsLight(rune.Value) ? 1 : 2;
            }
        }

        return weight;
    }

    private static bool IsLight(int codePoint) =>
        codePoint is <= 0x10FF or (>= 0x2000 and <= 0x200D) or (>= 0x2010 and <= 0x201F) or (>= 0x2032 and <= 0x2037);

    /// <summary>An emoji: a pictograph from the emoji blocks, or a symbol made emoji by U+FE0F, a keycap or a ZWJ sequence.</summary>
    private static bool IsEmoji(string element)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            if (rune.Value is (>= 0x1F000 and <= 0x1FAFF) or 0xFE0F or 0x20E3 or 0x200D)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Urls();
}
