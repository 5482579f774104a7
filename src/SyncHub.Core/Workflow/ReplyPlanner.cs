using System.Globalization;
using SyncHub.Domain;

namespace SyncHub.Workflow;

/// <summary>
/// Decides how an agent's reply goes back: through the route the ticket's latest customer message came with
/// (<see cref="Ticket.ReplyRoute"/>: a public reply on X, a Messenger message...), else by e-mail to the requester's one
/// address, else the app-store reply of a review; and refuses it, naming the channel and what is missing, when no enabled
/// notifier delivers that event, the tool's reply window has closed, or the conversation already has an answer the agent
/// did not choose to replace. Pure: the caller passes the clock's instant.
/// </summary>
public sealed class ReplyPlanner(ReplyChannels channels)
{
    /// <summary>
    /// The plan for <paramref name="reply"/> on <paramref name="ticket"/> at <paramref name="now"/>; <paramref name="contactAddress"/>
    /// is the CRM contact's address of a requester known only by phone (a hotline caller), if the directory has one.
    /// </summary>
    public ReplyPlan Plan(Ticket ticket, Reply reply, DateTimeOffset now, string? contactAddress = null)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(reply);
        var id = $"{ticket.Id}:reply:{ticket.Version}";
        if (ticket.ReplyRoute is { } route)
        {
            return Routed(ticket, reply, route, id, now);
        }

        if (ticket.Channel is Channel.AppReview)
        {
            var data = new Dictionary<string, string> { [ReviewEvents.ReviewId] = ticket.ExternalId, [ReviewEvents.Text] = reply.Message };
            return Checked(ticket, reply, Event(ticket, id, ReviewEvents.Reply, data, now), "reply to the store review", "SyncHub:Adapters:AppFollow:ApiToken");
        }

        var email = string.IsNullOrWhiteSpace(ticket.Requester.Email) ? contactAddress : ticket.Requester.Email;
        if (!IsOneAddress(email))
        {
            // No address, or one that is not a single plain address (a list, a display name, a line break): a reply
            // must reach the requester and nobody else.
            return new(null, null, string.IsNullOrWhiteSpace(email)
                ? $"replies to {ticket.Channel} tickets go by e-mail, and this requester has no address (none was given, and the CRM has no contact with their {(ticket.Requester.Phone is null ? "details" : "phone number")})"
                : "the requester's e-mail address is not one plain address; a reply is sent to exactly one");
        }

        var address = email!.Trim();
        var mail = new Dictionary<string, string>
        {
            [MailEvents.To] = address,
            [MailEvents.Subject] = ticket.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? ticket.Subject : $"Re: {ticket.Subject}",
            [MailEvents.Body] = reply.Message,
            [MailEvents.Automatic] = "false",
        };
        if (ticket.Diagnostics.TryGetValue("messageId", out var messageId))
        {
            mail[MailEvents.InReplyTo] = messageId;
            mail[MailEvents.References] = messageId;
        }

        return Checked(ticket, reply, Event(ticket, id, MailEvents.Reply, mail, now), $"e-mail to {address}", ReplyChannels.MailSetting);
    }

    private ReplyPlan Routed(Ticket ticket, Reply reply, ReplyRoute route, string id, DateTimeOffset now)
    {
        if (route.Until is { } until && now > until)
        {
            return new(null, route.Destination, $"{route.Destination}: the tool takes answers until {until.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, and that window has closed");
        }

        var data = new Dictionary<string, string>(route.Data) { [ReplyRoute.TextKey] = reply.Message };
        if (reply.Replace)
        {
            data[ReplyRoute.ReplaceKey] = "true";
        }

        return Checked(ticket, reply, Event(ticket, id, route.EventType, data, now), route.Destination, route.Setting);
    }

    private ReplyPlan Checked(Ticket ticket, Reply reply, OutboxEvent outbound, string destination, string setting)
    {
        if (!channels.CanDeliver(outbound.Type))
        {
            return new(null, destination, $"replies to {ticket.Channel} tickets go as {outbound.Type} ({destination}), and no enabled notifier delivers them: set {setting}");
        }

        if (!reply.Replace && ticket.Diagnostics.TryGetValue(ReviewDiagnostics.AnswerText, out var answer) && !string.IsNullOrWhiteSpace(answer))
        {
            return new(null, destination, "the review already has an answer in the store; send the reply with replace: true to replace it");
        }

        return new(outbound, destination, null);
    }

    private static OutboxEvent Event(Ticket ticket, string id, string type, Dictionary<string, string> data, DateTimeOffset now) =>
        new() { Id = id, Type = type, TicketId = ticket.Id, TicketNumber = ticket.Number, CreatedAt = now, Data = data };

    /// <summary>True for one plain address (<c>ana@example.com</c>): not a list, no display name, no line break.</summary>
    private static bool IsOneAddress(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && !email.Any(char.IsControl)
        && System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address)
        && address.Address == email.Trim()
        && string.IsNullOrEmpty(address.DisplayName);
}
