using System.Globalization;
using System.Text.RegularExpressions;

namespace SyncHub.Adapters.Email;

/// <summary>The ticket tag SyncHub puts in the subject of its mail, <c>[#10423]</c>, and finds in replies.</summary>
internal static partial class TicketTag
{
    /// <summary>The tag for a ticket number, e.g. <c>[#10423]</c>.</summary>
    public static string Format(long ticketNumber) => string.Create(CultureInfo.InvariantCulture, $"[#{ticketNumber}]");

    /// <summary>The ticket number of the first tag in <paramref name="subject"/>, or null.</summary>
    public static long? Find(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        foreach (Match match in Pattern().Matches(subject))
        {
            if (long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                return number;
            }
        }

        return null;
    }

    /// <summary><paramref name="subject"/> with the tag in front, unless it already carries this ticket's tag.</summary>
    public static string Apply(string subject, long ticketNumber)
    {
        var trimmed = subject.Trim();
        return Find(trimmed) == ticketNumber ? trimmed : $"{Format(ticketNumber)} {trimmed}".TrimEnd();
    }

    [GeneratedRegex(@"\[\s*#\s*(\d{1,18})\s*\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
