using SyncHub.Adapters.Email.Tests.Servers;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>The IMAP intake against the test dovecot, behind a gate that plays the server being down.</summary>
public sealed class EmailSourceConformanceTests(DovecotServer imap)
    : SourceConformance<EmailSource, IntakePage>(IntakePages<EmailSource>.Instance), IClassFixture<DovecotServer>
{
    private const string WrongPassword = "imap-wrong-secret-51c2";

    private TcpGate? gate;
    private string user = imap.NewUser();
    private string password = DovecotServer.Password;

    protected override IEnumerable<string> Secrets => [DovecotServer.Password, WrongPassword];

    private TcpGate Gate => gate ??= Track(new TcpGate(imap.Port));

    protected override EmailSource CreateSource() =>
        Harness(new EmailModule(), EmailSettings.Imap(Gate.Port, user, new Dictionary<string, string?> { ["Password"] = password, ["BatchSize"] = "2" })).Get<EmailSource>();

    protected override async Task<IReadOnlyCollection<string>> ArrangeBacklogAsync()
    {
        Gate.Open = true;
        password = DovecotServer.Password;
        if ((await imap.MessageIdsAsync(user, "INBOX")).Count == 0)
        {
            await imap.AppendAsync(user, "INBOX", [.. Enumerable.Range(1, 5).Select(i => Mail.Plain($"backlog-{i}@example.com"))]);
        }

        return [.. Enumerable.Range(1, 5).Select(i => $"backlog-{i}@example.com")];
    }

    protected override Task ArrangeUnavailableAsync()
    {
        Gate.Open = false;
        return Task.CompletedTask;
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        Gate.Open = true;
        password = WrongPassword;
        return Task.CompletedTask;
    }
}
