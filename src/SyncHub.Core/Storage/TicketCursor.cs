using System.Globalization;

namespace SyncHub.Storage;

/// <summary>The list cursor: the number of the last ticket of the previous page (pages go newest first).</summary>
public static class TicketCursor
{
    public static string From(long number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number to continue below, or <see cref="long.MaxValue"/> for the first page; false when malformed.</summary>
    public static bool TryParse(string? cursor, out long before)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            before = long.MaxValue;
            return true;
        }

        return long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out before) && before > 0;
    }

    public static long Parse(string? cursor) =>
        TryParse(cursor, out var before) ? before : throw new ArgumentException("The cursor is not one this store gave out.", nameof(cursor));
}
