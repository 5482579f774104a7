using System.Globalization;
using System.Text;
using SyncHub.Domain;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// Formats a <see cref="ChatEvents.Message"/> event as a Rocket.Chat message:
/// <code>
/// @ana *Escalated to developers* · ticket #10423
/// Priority: *High* · SLA due: 2026-11-30 17:00 (America/Sao_Paulo)
/// Subject: Login fails for all users
/// ```
/// the event's text
/// ```
/// https://support.example.com/#/tickets/10423
/// </code>
/// Only the mention is a real mention: an <c>@</c> in the title, subject or text is defused, and the text goes in a code
/// block, so a customer's words can neither ping a channel nor be read as markup.
/// </summary>
internal static class RocketChatMessage
{
    /// <summary>Rocket.Chat's default Message_MaxAllowedSize is 5000; the text is cut well inside it.</summary>
    public const int MaxTextLength = 3000;

    private const int MaxLineLength = 300;

    /// <summary>WORD JOINER: invisible, and no name character, so <c>@&#x2060;all</c> is not a mention.</summary>
    private const char Joiner = '\u2060';

    public static string Format(OutboxEvent outboxEvent, RocketChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        ArgumentNullException.ThrowIfNull(options);
        var data = outboxEvent.Data;
        var message = new StringBuilder();

        var mention = Value(data, ChatEvents.Mention)?.TrimStart('@');
        if (mention is not null && IsUserName(mention))
        {
            message.Append('@').Append(mention).Append(' ');
        }

        message.Append('*').Append(Inline(Value(data, ChatEvents.Title) ?? "Support alert")).Append('*');
        if (outboxEvent.TicketNumber > 0)
        {
            message.Append(" · ticket #").Append(outboxEvent.TicketNumber.ToString(CultureInfo.InvariantCulture));
        }

        var facts = new List<string>();
        if (Value(data, ChatEvents.Priority) is { } priority)
        {
            facts.Add($"Priority: *{Inline(priority)}*");
        }

        if (Value(data, ChatEvents.DueAt) is { } dueAt)
        {
            facts.Add($"SLA due: {Due(dueAt, options.DisplayTimeZone)}");
        }

        if (facts.Count > 0)
        {
            message.Append('\n').Append(string.Join(" · ", facts));
        }

        if (Value(data, ChatEvents.Subject) is { } subject)
        {
            message.Append("\nSubject: ").Append(Inline(subject));
        }

        if (Value(data, ChatEvents.Text) is { } text)
        {
            message.Append("\n```\n").Append(Block(text)).Append("\n```");
        }

        if (Link(options.DashboardUrl, outboxEvent.TicketNumber) is { } link)
        {
            message.Append('\n').Append(link);
        }

        return message.ToString();
    }

    /// <summary><c>{DashboardUrl}/#/tickets/{number}</c>, or null without a dashboard address or a ticket number.</summary>
    public static string? Link(Uri? dashboardUrl, long ticketNumber) =>
        dashboardUrl is null || ticketNumber <= 0
            ? null
            : $"{dashboardUrl.AbsoluteUri.TrimEnd('/')}/#/tickets/{ticketNumber.ToString(CultureInfo.InvariantCulture)}";

    private static string? Value(IReadOnlyDictionary<string, string> data, string key) =>
        data.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static bool IsUserName(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>An SLA due instant in the display zone, e.g. <c>2026-11-30 14:00 (America/Sao_Paulo)</c>.</summary>
    private static string Due(string value, string timeZone)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return Inline(value);
        }

        if (timeZone == "UTC" || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            return instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        }

        return $"{TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({zone.Id})";
    }

    /// <summary>One line of untrusted text: no line breaks, no mentions, bounded.</summary>
    private static string Inline(string value)
    {
        var line = string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (line.Length > MaxLineLength)
        {
            line = line[..MaxLineLength] + "…";
        }

        return line.Replace("@", "@" + Joiner, StringComparison.Ordinal);
    }

    /// <summary>Untrusted text for a code block: it cannot close the block, and it is bounded.</summary>
    private static string Block(string value)
    {
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength] + "\n…";
        }

        return text.Replace("```", "`\u200B`\u200B`", StringComparison.Ordinal);
    }
}
