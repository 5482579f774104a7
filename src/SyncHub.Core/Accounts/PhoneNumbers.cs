using System.Text;

namespace SyncHub.Accounts;

/// <summary>
/// A small phone-number normaliser: enough to compare numbers written differently by a CRM, a caller id and a
/// web form, not a full numbering-plan validator.
/// </summary>
public static class PhoneNumbers
{
    private const int MinDigits = 8;
    private const int MaxDigits = 15;

    /// <summary>
    /// Writes <paramref name="raw"/> as E.164 (<c>+</c> and 8 to 15 digits), or returns null when it is not a number.
    /// Spaces, dashes, dots, slashes and parentheses are dropped; an extension (<c>ext</c>, <c>x</c>, <c>#</c>,
    /// <c>;</c>) is cut off; a leading <c>00</c> is read as <c>+</c>; a national number (no <c>+</c>) loses one
    /// leading trunk <c>0</c> and gets <paramref name="defaultCountryCallingCode"/> (e.g. <c>55</c>).
    /// </summary>
    public static string? ToE164(string? raw, string? defaultCountryCallingCode)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var text = CutExtension(raw.Trim());
        var digits = new StringBuilder(text.Length);
        var international = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '+' && digits.Length == 0 && !international)
            {
                international = true;
            }
            else if (!IsSeparator(c))
            {
                return null;
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }

        if (!international)
        {
            var countryCode = defaultCountryCallingCode?.Trim().TrimStart('+');
            if (string.IsNullOrEmpty(countryCode) || !countryCode.All(char.IsAsciiDigit))
            {
                return null;
            }

            number = countryCode + (number.StartsWith('0') ? number[1..] : number);
        }

        return number.Length is >= MinDigits and <= MaxDigits && number[0] != '0' ? "+" + number : null;
    }

    private static string CutExtension(string text)
    {
        var cut = text.Length;
        foreach (var marker in (ReadOnlySpan<string>)["ext", "x", "#", ";", ","])
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at > 0 && at < cut)
            {
                cut = at;
            }
        }

        return text[..cut];
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '(' or ')' or '/' or '\u00a0' or '\t';
}
