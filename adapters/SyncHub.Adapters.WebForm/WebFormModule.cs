using Microsoft.Extensions.Configuration;

namespace SyncHub.Adapters.WebForm;

/// <summary>Registers the web-form webhook (<c>POST /api/intake/web</c>).</summary>
public sealed class WebFormModule : IAdapterModule
{
    public string Name => WebFormSource.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.AddWebhookSource<WebFormSource, WebFormOptions>(section);
        hub.AddReplyChannel(Domain.Channel.Web, Domain.MailEvents.Reply, Domain.MailEvents.NotifierSetting);
    }
}
