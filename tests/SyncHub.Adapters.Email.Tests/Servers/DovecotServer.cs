using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace SyncHub.Adapters.Email.Tests.Servers;

/// <summary>
/// A real IMAP server for a test class: Debian's dovecot on a free loopback port, from a private configuration
/// in a temp folder (static password for every user, one Maildir per user). Tests take a fresh user each, so
/// they never see each other's mail. Needs the <c>dovecot-imapd</c> package and root (dovecot runs the mail
/// processes as the <c>mail</c> user).
/// </summary>
public sealed class DovecotServer : IAsyncLifetime
{
    public const string Password = "imap-test-secret";
    private const string Binary = "/usr/sbin/dovecot";

    private ChildProcess? process;
    private string root = "";
    private int users;

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("the e-mail tests run Debian's dovecot and need Linux");
        }

        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"dovecot is not installed ({Binary} is missing): the e-mail tests need Debian's dovecot-imapd package (apt-get install -y dovecot-imapd)");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new InvalidOperationException("the e-mail tests start dovecot, which must run as root to switch to the mail user; run them as root");
        }

        root = TempFolder.Create("synchub-dovecot-");
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        Directory.CreateDirectory(Path.Combine(root, "base"));
        Directory.CreateDirectory(Path.Combine(root, "state"));
        await ChildProcess.RunAsync("chown", "-R", "mail:mail", home);

        Port = FreePort.Next();
        var config = Path.Combine(root, "dovecot.conf");
        await File.WriteAllTextAsync(config, $$"""
            base_dir = {{root}}/base
            state_dir = {{root}}/state
            log_path = {{root}}/dovecot.log
            info_log_path = {{root}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            auth_failure_delay = 0
            protocols = imap
            listen = 127.0.0.1
            first_valid_uid = 8
            mail_location = maildir:~/Maildir
            passdb {
              driver = static
              args = password={{Password}} nodelay=yes
            }
            userdb {
              driver = static
              args = uid=mail gid=mail home={{home}}/%u
            }
            # No growing delay after the wrong-password test's failed logins.
            service anvil {
              unix_listener anvil-auth-penalty {
                mode = 0
              }
            }
            service imap-login {
              inet_listener imap {
                port = {{Port}}
              }
            }
            """);

        process = ChildProcess.Start(Binary, "-F", "-c", config);
        await FreePort.WaitUntilListeningAsync(Port, () => process.HasExited, () => $"dovecot did not start: {process.Output} {ReadLog()}");
    }

    public Task DisposeAsync()
    {
        process?.Dispose();
        TempFolder.Delete(root);
        return Task.CompletedTask;
    }

    /// <summary>A user nobody else uses: an empty mailbox.</summary>
    public string NewUser(string hint = "user") => $"{hint}{Interlocked.Increment(ref users)}";

    public EmailOptions Options(string user, params string[] folders)
    {
        var options = new EmailOptions
        {
            Enabled = true,
            Host = "127.0.0.1",
            Port = Port,
            Security = MailSecurity.None,
            User = user,
            Password = Password,
            Timeout = TimeSpan.FromSeconds(30),
        };
        foreach (var folder in folders)
        {
            options.Folders.Add(folder);
        }

        return options;
    }

    public async Task<ImapClient> ConnectAsync(string user)
    {
        // MimeKit remembers a charset it could not find: register the code pages before it first looks.
        Charsets.EnsureRegistered();
        var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(user, Password);
        return client;
    }

    /// <summary>Appends raw messages (each a string of bytes 0-255) to <paramref name="folder"/> by IMAP APPEND; returns their UIDs.</summary>
    public async Task<IReadOnlyList<uint>> AppendAsync(string user, string folder, params string[] rawMessages)
    {
        using var client = await ConnectAsync(user);
        var target = await EnsureFolderAsync(client, folder);
        var uids = new List<uint>();
        foreach (var raw in rawMessages)
        {
            using var stream = new MemoryStream(Encoding.Latin1.GetBytes(raw));
            var message = await MimeMessage.LoadAsync(stream);
            var uid = await target.AppendAsync(new AppendRequest(message, MessageFlags.None));
            uids.Add(uid?.Id ?? 0);
        }

        await client.DisconnectAsync(true);
        return uids;
    }

    /// <summary>
    /// Delivers bytes MimeKit could not even parse (so IMAP APPEND through MailKit cannot carry them) the way a local
    /// delivery agent does: a file in the folder's Maildir <c>new/</c>, which dovecot picks up on the next SELECT.
    /// </summary>
    public async Task DeliverRawAsync(string user, string folder, byte[] bytes)
    {
        using (var client = await ConnectAsync(user))
        {
            // Selecting the folder makes dovecot create its Maildir directories.
            var target = await EnsureFolderAsync(client, folder);
            await target.OpenAsync(FolderAccess.ReadOnly);
            await client.DisconnectAsync(true);
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Maildir delivery needs Linux");
        }

        var maildir = Path.Combine(root, "home", user, "Maildir", folder == "INBOX" ? "" : "." + folder, "new");
        var file = Path.Combine(maildir, $"{Guid.NewGuid():N}.test");
        await File.WriteAllBytesAsync(file, bytes);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await ChildProcess.RunAsync("chown", "mail:mail", file);

        // Selecting again gives the new file its UID now, before anything appended later.
        using var sync = await ConnectAsync(user);
        await (await EnsureFolderAsync(sync, folder)).OpenAsync(FolderAccess.ReadOnly);
        await sync.DisconnectAsync(true);
    }

    /// <summary>Deletes and creates the folder again: dovecot gives it a new UIDVALIDITY, which is returned.</summary>
    public async Task<uint> RecreateFolderAsync(string user, string folder)
    {
        using var client = await ConnectAsync(user);
        var existing = await client.GetFolderAsync(folder);
        await existing.OpenAsync(FolderAccess.ReadOnly);
        var before = existing.UidValidity;
        await existing.CloseAsync();
        await existing.DeleteAsync();
        var created = await client.GetFolder(client.PersonalNamespaces[0]).CreateAsync(folder, true)
            ?? throw new InvalidOperationException($"could not create {folder}");
        await created.OpenAsync(FolderAccess.ReadOnly);
        var after = created.UidValidity;
        await client.DisconnectAsync(true);
        Assert.NotEqual(before, after);
        return after;
    }

    /// <summary>The flags of every message in <paramref name="folder"/> by UID.</summary>
    public async Task<IReadOnlyDictionary<uint, MessageFlags>> FlagsAsync(string user, string folder)
    {
        using var client = await ConnectAsync(user);
        var target = await client.GetFolderAsync(folder);
        await target.OpenAsync(FolderAccess.ReadOnly);
        var summaries = target.Count == 0 ? [] : await target.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Flags));
        await client.DisconnectAsync(true);
        return summaries.ToDictionary(s => s.UniqueId.Id, s => s.Flags ?? MessageFlags.None);
    }

    /// <summary>The Message-IDs in <paramref name="folder"/>.</summary>
    public async Task<IReadOnlyList<string>> MessageIdsAsync(string user, string folder)
    {
        using var client = await ConnectAsync(user);
        var target = await EnsureFolderAsync(client, folder);
        await target.OpenAsync(FolderAccess.ReadOnly);
        var summaries = target.Count == 0 ? [] : await target.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Envelope));
        await client.DisconnectAsync(true);
        return summaries.Select(s => s.Envelope?.MessageId).OfType<string>().ToList();
    }

    private static async Task<IMailFolder> EnsureFolderAsync(ImapClient client, string folder)
    {
        if (folder == "INBOX")
        {
            return client.Inbox;
        }

        try
        {
            return await client.GetFolderAsync(folder);
        }
        catch (FolderNotFoundException)
        {
            var top = client.GetFolder(client.PersonalNamespaces[0]);
            return await top.CreateAsync(folder, true) ?? throw new InvalidOperationException($"could not create {folder}");
        }
    }

    private string ReadLog()
    {
        var log = Path.Combine(root, "dovecot.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }
}
