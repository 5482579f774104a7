using SyncHub.Adapters.Email.Tests.Servers;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>The SMTP notifier against the test SMTP server (aiosmtpd), a server that refuses every login, and a closed port.</summary>
public sealed class SmtpNotifierConformanceTests(SmtpSink smtp) : NotifierConformance<SmtpNotifier>, IClassFixture<SmtpSink>
{
    private const string SmtpPassword = "smtp-app-password-7e21";

    private Dictionary<string, string?> settings = EmailSettings.Smtp(smtp.Port);

    protected override IEnumerable<string> Secrets => [SmtpPassword];

    protected override SmtpNotifier CreateNotifier() => (SmtpNotifier)Harness(new SmtpModule(), settings).Notifier(SmtpNotifier.NotifierName);

    protected override OutboxEvent Event(string id) => new()
    {
        Id = id,
        Type = EmailEvents.Reply,
        TicketId = "t-1",
        TicketNumber = 10423,
        CreatedAt = AdapterHarness.DefaultNow,
        Data = new Dictionary<string, string>
        {
            [EmailEventData.To] = "Ana Souza <ana@example.com>",
            [EmailEventData.Subject] = $"Re: Cannot log in ({id})",
            [EmailEventData.Body] = "Please reset your password from the login page.",
        },
    };

    protected override Task ArrangeDeliverableAsync()
    {
        settings = EmailSettings.Smtp(smtp.Port);
        return Task.CompletedTask;
    }

    /// <summary>Mail clients show one message per Message-ID: the distinct ids among the mails of this event.</summary>
    protected override Task<int> DeliveriesOfAsync(OutboxEvent outboxEvent) =>
        Task.FromResult(smtp.ReceivedAll().Where(m => m.Subject?.Contains($"({outboxEvent.Id})", StringComparison.Ordinal) == true).Select(m => m.MessageId).Distinct().Count());

    protected override Task<OutboxEvent> ArrangePermanentFailureAsync()
    {
        settings = EmailSettings.Smtp(smtp.Port);
        var outboxEvent = Event("evt-no-address-1");
        return Task.FromResult(outboxEvent with { Data = new Dictionary<string, string>(outboxEvent.Data) { [EmailEventData.To] = "not an address" } });
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        var refuser = Track(new SmtpAuthRefuser());
        settings = EmailSettings.Smtp(refuser.Port, new Dictionary<string, string?> { ["User"] = "support@synchub.test", ["Password"] = SmtpPassword });
        return Task.CompletedTask;
    }

    protected override Task ArrangeTransientFailureAsync()
    {
        settings = EmailSettings.Smtp(FreePort.Next());
        return Task.CompletedTask;
    }
}
