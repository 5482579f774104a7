using SyncHub.Domain;

namespace SyncHub.Testing.Doubles;

/// <summary>Sample intake records.</summary>
public static class Records
{
    public static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static IntakeRecord Web(string externalId, string source = "WebForm", string? subject = null) => new()
    {
        Source = source,
        ExternalId = externalId,
        Channel = Channel.Web,
        Requester = new Requester("Ana Souza", "ana@example.com"),
        Subject = subject ?? $"Request {externalId}",
        Body = "The desktop app says my password is wrong.",
        ReceivedAt = At,
    };
}
