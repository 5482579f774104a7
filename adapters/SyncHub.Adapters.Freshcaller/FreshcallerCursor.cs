using System.Globalization;

namespace SyncHub.Adapters.Freshcaller;

/// <summary>
/// Where the Freshcaller poll stands. Calls are read in half-open time windows <c>[From, To)</c> of their
/// <c>created_time</c>, so each call belongs to exactly one window. Between windows the cursor is just
/// <c>From</c> (<c>2026-11-30T12:00:00Z</c>): every call created before it has been stored. While a window is being
/// paged it also holds the window's end, the next page, the page size, the window's call count and the server's page
/// order (<c>2026-11-30T12:00:00Z|2026-11-30T13:00:00Z|3|100|250|asc</c>); a restart resumes at that page.
/// </summary>
internal sealed record FreshcallerCursor(DateTimeOffset From, FreshcallerWindow? Window = null)
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static FreshcallerCursor Parse(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var parts = cursor.Split('|');
        if (parts.Length == 1 && TryInstant(parts[0], out var from))
        {
            return new FreshcallerCursor(from);
        }

        if (parts.Length == 6
            && TryInstant(parts[0], out from)
            && TryInstant(parts[1], out var to)
            && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1
            && int.TryParse(parts[4], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
            && parts[5] is "asc" or "desc"
            && to > from)
        {
            return new FreshcallerCursor(from, new FreshcallerWindow(to, page, size, count, parts[5] == "desc"));
        }

        throw new FreshcallerException(
            $"the stored Freshcaller cursor '{cursor}' is not one this adapter wrote; reset the Freshcaller checkpoint to a UTC instant (yyyy-MM-ddTHH:mm:ssZ)");
    }

    public override string ToString() => Window is { } window
        ? string.Join('|', Text(From), Text(window.To), window.NextPage.ToString(CultureInfo.InvariantCulture),
            window.PageSize.ToString(CultureInfo.InvariantCulture), window.TotalCount.ToString(CultureInfo.InvariantCulture),
            window.Descending ? "desc" : "asc")
        : Text(From);

    /// <summary>Cuts an instant down to the whole second (the precision of the <c>by_time</c> filter), in UTC.</summary>
    public static DateTimeOffset Second(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static string Text(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    private static bool TryInstant(string text, out DateTimeOffset instant)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            instant = Second(parsed);
            return true;
        }

        instant = default;
        return false;
    }
}
