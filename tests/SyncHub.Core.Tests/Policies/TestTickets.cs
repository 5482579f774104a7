using SyncHub.Domain;
using SyncHub.Policies;

namespace SyncHub.Core.Tests.Policies;

internal static class TestTickets
{
    public static readonly DateTimeOffset Monday10 = new(2026, 3, 9, 13, 0, 0, TimeSpan.Zero);

    public static AccountSnapshot Account(string? plan, string? status, string name = "Acme Ltd") => new("crm-42", name, plan, status);

    public static IntakeRecord Record(
        Channel channel = Channel.Web,
        string subject = "Question",
        string body = "How do I configure LDAP?",
        Priority? hint = null,
        string source = "WebForm") => new()
        {
            Source = source,
            ExternalId = Guid.NewGuid().ToString("N"),
            Channel = channel,
            Subject = subject,
            Body = body,
            PriorityHint = hint,
            ReceivedAt = Monday10,
            Requester = new Requester("Ana", "ana@acme.example"),
        };

    public static TicketContext Context(AccountSnapshot? account, DateTimeOffset? now = null, IntakeRecord? record = null) =>
        new(record ?? Record(), account, now ?? Monday10);
}
