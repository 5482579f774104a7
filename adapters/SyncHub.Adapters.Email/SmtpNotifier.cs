using System.Globalization;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SyncHub.Domain;

namespace SyncHub.Adapters.Email;

/// <summary>
/// Sends <see cref="EmailEvents.Reply"/> and <see cref="EmailEvents.FollowUp"/> outbox events as e-mail: threaded
/// with In-Reply-To and References, the ticket tag <c>[#N]</c> in the subject, <c>Auto-Submitted: auto-replied</c>
/// on automatic mail, and a Message-ID derived from the event id so a retried send is recognisable. A failure
/// throws; retrying with backoff is the outbox consumer's job. Unusable event data and 5xx refusals throw a permanent
/// <see cref="DeliveryException"/>, refused credentials an unauthorized one.
/// </summary>
public sealed class SmtpNotifier(IOptionsMonitor<SmtpOptions> options, TimeProvider time, ILogger<SmtpNotifier> logger) : INotifier
{
    public const string NotifierName = "Smtp";

    public string Name => NotifierName;

    public bool Handles(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        return outboxEvent.Type is EmailEvents.Reply or EmailEvents.FollowUp
            && (outboxEvent.Target is null || string.Equals(outboxEvent.Target, NotifierName, StringComparison.OrdinalIgnoreCase));
    }

    public Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) => DeliverAsync(outboxEvent, cancellationToken);

    /// <summary>Sends the mail; the receipt is its Message-ID (derived from the event id, so a retry keeps it).</summary>
    public async Task<DeliveryReceipt> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        Charsets.EnsureRegistered();
        var settings = options.CurrentValue;
        MimeMessage message;
        try
        {
            message = Compose(outboxEvent, settings, time.GetUtcNow());
        }
        catch (InvalidOperationException ex)
        {
            // The event's data cannot make a message: no retry changes that.
            throw new DeliveryException(DeliveryFailureKind.Permanent, ex.Message, null, ex);
        }

        try
        {
            await DeliverAsync(outboxEvent, message, settings, cancellationToken);
            return new DeliveryReceipt(message.MessageId);
        }
        catch (MailKit.Security.AuthenticationException ex)
        {
            throw new DeliveryException(DeliveryFailureKind.Unauthorized, "the SMTP server refused SyncHub:Adapters:Smtp:User and :Password", null, ex);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode is >= 500 and < 600)
        {
            // A 5xx reply refuses this message for good (an unknown mailbox, a message too large).
            throw new DeliveryException(DeliveryFailureKind.Permanent, $"the SMTP server refused the message ({(int)ex.StatusCode}: {ex.Message})", null, ex);
        }
    }

    private async Task DeliverAsync(OutboxEvent outboxEvent, MimeMessage message, SmtpOptions settings, CancellationToken cancellationToken)
    {

        using var smtp = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, settings.Timeout.TotalMilliseconds) };
        await smtp.ConnectAsync(settings.Host, settings.Port, settings.Security.ToSocketOptions(), cancellationToken);
        if (!string.IsNullOrWhiteSpace(settings.User))
        {
            await smtp.AuthenticateAsync(settings.User, settings.Password, cancellationToken);
        }

        await smtp.SendAsync(message, cancellationToken);
        try
        {
            await smtp.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
        {
            // The server has accepted the message: failing now would only make the outbox send it twice.
        }

        Log.Sent(logger, outboxEvent.Type, TicketNumber(outboxEvent), message.MessageId ?? "", outboxEvent.Id);
    }

    /// <summary>The message for <paramref name="outboxEvent"/>; throws <see cref="InvalidOperationException"/> when its data is unusable.</summary>
    internal static MimeMessage Compose(OutboxEvent outboxEvent, SmtpOptions settings, DateTimeOffset now)
    {
        var from = settings.FromMailbox ?? throw new InvalidOperationException($"SyncHub:Adapters:Smtp:From '{settings.From}' is not an address");
        var ticket = TicketNumber(outboxEvent);
        var message = new MimeMessage
        {
            MessageId = OutboundMessageId.For(outboxEvent.Id, settings.EffectiveMessageIdDomain),
            Date = now,
            Subject = ticket > 0 ? TicketTag.Apply(Required(outboxEvent, EmailEventData.Subject), ticket) : Required(outboxEvent, EmailEventData.Subject).Trim(),
            // An agent's reply along a message's reply route carries its text under the route's text key.
            Body = new TextPart("plain") { Text = Optional(outboxEvent, EmailEventData.Body) ?? Optional(outboxEvent, ReplyRoute.TextKey) ?? Required(outboxEvent, EmailEventData.Body) },
        };
        message.From.Add(from);
        message.To.AddRange(Addresses(outboxEvent, EmailEventData.To, required: true));
        message.Cc.AddRange(Addresses(outboxEvent, EmailEventData.Cc, required: false));

        var references = Optional(outboxEvent, EmailEventData.References)?
            .Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(MessageIds.Normalize).OfType<string>().ToList() ?? [];
        if (MessageIds.Normalize(Optional(outboxEvent, EmailEventData.InReplyTo)) is { } inReplyTo)
        {
            message.InReplyTo = inReplyTo;
            if (!references.Contains(inReplyTo, StringComparer.Ordinal))
            {
                references.Add(inReplyTo);
            }
        }

        foreach (var id in references.Distinct(StringComparer.Ordinal))
        {
            message.References.Add(id);
        }

        if (IsAutomatic(outboxEvent))
        {
            // RFC 3834: tells well-behaved auto-responders (and our own Email source) not to answer it.
            message.Headers.Add("Auto-Submitted", "auto-replied");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }

        if (ticket > 0)
        {
            message.Headers.Add("X-SyncHub-Ticket", ticket.ToString(CultureInfo.InvariantCulture));
        }

        return message;
    }

    private static long TicketNumber(OutboxEvent outboxEvent) =>
        Optional(outboxEvent, EmailEventData.TicketNumber) is { } text
            ? long.TryParse(text.Trim().TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
                ? number
                : throw new InvalidOperationException($"outbox event {outboxEvent.Id}: '{EmailEventData.TicketNumber}' is not a ticket number")
            : outboxEvent.TicketNumber;

    private static bool IsAutomatic(OutboxEvent outboxEvent) =>
        Optional(outboxEvent, EmailEventData.Automatic) is { } text
            ? bool.TryParse(text.Trim(), out var automatic)
                ? automatic
                : throw new InvalidOperationException($"outbox event {outboxEvent.Id}: '{EmailEventData.Automatic}' must be true or false")
            : outboxEvent.Type == EmailEvents.FollowUp;

    private static InternetAddressList Addresses(OutboxEvent outboxEvent, string key, bool required)
    {
        var text = required ? Required(outboxEvent, key) : Optional(outboxEvent, key);
        if (text is null)
        {
            return [];
        }

        // A line break (or any control or line-separator character) in an address list is an attempt to smuggle a
        // header or a recipient in; MimeKit would read "a@x\nBcc: b@y" as two recipients.
        if (text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')
            || !InternetAddressList.TryParse(text, out var list) || list.Mailboxes.Any(m => !m.Address.Contains('@', StringComparison.Ordinal)) || (required && list.Count == 0))
        {
            throw new InvalidOperationException($"outbox event {outboxEvent.Id}: '{key}' is not an address list");
        }

        return list;
    }

    private static string Required(OutboxEvent outboxEvent, string key) =>
        Optional(outboxEvent, key) ?? throw new InvalidOperationException($"outbox event {outboxEvent.Id} ({outboxEvent.Type}) has no '{key}' in its data");

    private static string? Optional(OutboxEvent outboxEvent, string key) =>
        outboxEvent.Data.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}
