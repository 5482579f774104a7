using Microsoft.Extensions.Configuration;

namespace SyncHub.Adapters.Email;

/// <summary>Registers the SMTP notifier for replies and follow-ups (<c>SyncHub:Adapters:Smtp</c>).</summary>
public sealed class SmtpModule : IAdapterModule
{
    public string Name => SmtpNotifier.NotifierName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);

        // Before anything in the process touches MimeKit: it remembers a charset it could not find.
        Charsets.EnsureRegistered();
        hub.AddNotifier<SmtpNotifier, SmtpOptions>(section);
    }
}
