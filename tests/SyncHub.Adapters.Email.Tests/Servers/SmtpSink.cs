using MimeKit;

namespace SyncHub.Adapters.Email.Tests.Servers;

/// <summary>
/// A real SMTP server for a test class: Debian's python3-aiosmtpd on a free loopback port, writing every message
/// it accepts into a Maildir in a temp folder, where the tests read it back.
/// </summary>
public sealed class SmtpSink : IAsyncLifetime
{
    private ChildProcess? process;
    private string root = "";

    public int Port { get; private set; }

    private string Inbox => Path.Combine(root, "maildir", "new");

    public async Task InitializeAsync()
    {
        Charsets.EnsureRegistered();
        // Debian's module lives with Debian's interpreter, whatever else is first on PATH.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        root = TempFolder.Create("synchub-smtp-");
        Port = FreePort.Next();
        process = ChildProcess.Start(python, "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(root, "maildir"));
        await FreePort.WaitUntilListeningAsync(
            Port,
            () => process.HasExited,
            () => $"the SMTP sink did not start (the e-mail tests need Debian's python3-aiosmtpd: apt-get install -y python3-aiosmtpd): {process.Output}");
    }

    public Task DisposeAsync()
    {
        process?.Dispose();
        TempFolder.Delete(root);
        return Task.CompletedTask;
    }

    public SmtpOptions Options(string from = "SyncHub Support <support@synchub.test>") => new()
    {
        Enabled = true,
        Host = "127.0.0.1",
        Port = Port,
        Security = MailSecurity.None,
        From = from,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The bytes of the one message received with this Message-ID, as a string of bytes 0-255.</summary>
    public string RawOf(string messageId) =>
        System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Directory.GetFiles(Inbox).Single(file => MimeMessage.Load(file).MessageId == messageId)));

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> ReceivedAll() =>
        (Directory.Exists(Inbox) ? Directory.GetFiles(Inbox) : []).Select(file => MimeMessage.Load(file)).ToList();

    /// <summary>Every message received so far with this Message-ID (the server has stored it before it answers the send).</summary>
    public IReadOnlyList<MimeMessage> Received(string messageId) =>
        (Directory.Exists(Inbox) ? Directory.GetFiles(Inbox) : [])
            .Select(file => MimeMessage.Load(file))
            .Where(m => m.MessageId == messageId)
            .ToList();
}
