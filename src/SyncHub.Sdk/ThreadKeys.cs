using System.Globalization;

namespace SyncHub.Adapters;

/// <summary>
/// Thread keys the stores resolve themselves: <c>ticket:{number}</c> names a ticket by its number (an e-mail
/// subject tag such as <c>[#10423]</c>), so any adapter can thread a record onto a known ticket.
/// </summary>
public static class ThreadKeys
{
    public const string TicketPrefix = "ticket:";

    public static string ForTicket(long number) => TicketPrefix + number.ToString(CultureInfo.InvariantCulture);

    public static bool TryTicketNumber(string? threadKey, out long number)
    {
        number = 0;
        return threadKey is not null &&
            threadKey.StartsWith(TicketPrefix, StringComparison.Ordinal) &&
            long.TryParse(threadKey.AsSpan(TicketPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }
}
