using Microsoft.Extensions.Configuration;

namespace SyncHub.Adapters.Email;

/// <summary>Registers the IMAP intake (<c>SyncHub:Adapters:Email</c>).</summary>
public sealed class EmailModule : IAdapterModule
{
    public string Name => EmailSource.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);

        // Before anything in the process touches MimeKit: it remembers a charset it could not find.
        Charsets.EnsureRegistered();
        hub.AddPollingSource<EmailSource, EmailOptions>(section);
        hub.AddReplyChannel(Domain.Channel.Email, Domain.MailEvents.Reply, Domain.MailEvents.NotifierSetting);
    }
}
