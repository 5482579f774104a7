using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncHub.Adapters.Livechat;

/// <summary>Registers the Rocket.Chat livechat offline-message webhook (<c>POST /api/intake/livechat</c>). Idempotent.</summary>
public sealed class LivechatModule : IAdapterModule
{
    public string Name => LivechatWebhook.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(section);
        hub.AddWebhookSource<LivechatWebhook, LivechatOptions>(section);
        hub.AddReplyChannel(Domain.Channel.Chat, Domain.MailEvents.Reply, Domain.MailEvents.NotifierSetting);
        hub.Services.TryAddSingleton(TimeProvider.System);
    }
}
