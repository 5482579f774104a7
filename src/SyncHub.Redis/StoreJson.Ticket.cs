using System.Text.Json.Serialization.Metadata;
using SyncHub.Domain;

namespace SyncHub.Redis;

internal static partial class StoreJson
{
    /// <summary>
    /// A ticket as the store writes it: the properties of <see cref="Ticket"/>'s contract in <see cref="Options"/> (the
    /// fields kept beside it left out, an empty checklist not written), in the same order, written by the source-generated
    /// serializer. The reflection serializer the options give keeps a stack of frames per ticket for its nested objects
    /// (about 500 bytes per write); this writes the same bytes without it, and as a struct it is no object either (a test
    /// compares the bytes, and the properties with the contract's). Reading goes through the contract, which takes what
    /// this writes.
    /// </summary>
    internal readonly struct WrittenTicket
    {
        public static JsonTypeInfo<WrittenTicket> Info => Generated.Default.WrittenTicket;

        // Keep the properties below those of Ticket's stored contract, in its order: WrittenTicketTests compares them.
        public required string Id { get; init; }

        public required Channel Channel { get; init; }

        public required string Source { get; init; }

        public required string ExternalId { get; init; }

        public string? ThreadKey { get; init; }

        public TimeSpan? ThreadWindow { get; init; }

        public required string Subject { get; init; }

        public required string Body { get; init; }

        public required Requester Requester { get; init; }

        public AccountSnapshot? Account { get; init; }

        public Priority Priority { get; init; }

        public Department Department { get; init; }

        public string? Team { get; init; }

        public string? Assignee { get; init; }

        public TicketStatus Status { get; init; }

        public SlaStamp? Sla { get; init; }

        public ReplyRoute? ReplyRoute { get; init; }

        public required IReadOnlyDictionary<string, ReplyDelivery> Replies { get; init; }

        public bool CustomerReplied { get; init; }

        public DateTimeOffset? SolvedAt { get; init; }

        public string? LinkedTicketId { get; init; }

        public string? MergedInto { get; init; }

        public required IReadOnlyDictionary<string, string> Diagnostics { get; init; }

        /// <summary>Null (not written) when empty, as the contract's condition leaves it out.</summary>
        public InvestigationChecklist? Checklist { get; init; }

        public required DateTimeOffset CreatedAt { get; init; }

        public static WrittenTicket Of(Ticket ticket)
        {
            ArgumentNullException.ThrowIfNull(ticket);
            return new WrittenTicket
            {
                Id = ticket.Id,
                Channel = ticket.Channel,
                Source = ticket.Source,
                ExternalId = ticket.ExternalId,
                ThreadKey = ticket.ThreadKey,
                ThreadWindow = ticket.ThreadWindow,
                Subject = ticket.Subject,
                Body = ticket.Body,
                Requester = ticket.Requester,
                Account = ticket.Account,
                Priority = ticket.Priority,
                Department = ticket.Department,
                Team = ticket.Team,
                Assignee = ticket.Assignee,
                Status = ticket.Status,
                Sla = ticket.Sla,
                ReplyRoute = ticket.ReplyRoute,
                Replies = ticket.Replies,
                CustomerReplied = ticket.CustomerReplied,
                SolvedAt = ticket.SolvedAt,
                LinkedTicketId = ticket.LinkedTicketId,
                MergedInto = ticket.MergedInto,
                Diagnostics = ticket.Diagnostics,
                Checklist = InvestigationChecklist.Empty.Equals(ticket.Checklist) ? null : ticket.Checklist,
                CreatedAt = ticket.CreatedAt,
            };
        }
    }
}
