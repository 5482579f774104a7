using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SyncHub.Adapters.WebForm;

/// <summary>
/// Registers the web-form webhook (<c>POST /api/intake/web</c>, the bearer-token relay) and the public mode's checks
/// (<see cref="PublicFormIntake"/>), which the host serves at <c>/api/public/web</c> and <c>/support</c> when
/// <c>Public:Enabled</c> is set.
/// </summary>
public sealed class WebFormModule : IAdapterModule
{
    public string Name => WebFormSource.SourceName;

    public void Register(ISyncHubBuilder hub, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(hub);
        hub.AddWebhookSource<WebFormSource, WebFormOptions>(section);
        hub.AddReplyChannel(Domain.Channel.Web, Domain.MailEvents.Reply, Domain.MailEvents.NotifierSetting);
        hub.AddToolHttpClient<WebFormOptions>(CaptchaVerifier.ClientName, o => HttpRetrySettings.SingleAttempt(o.Public.Captcha.Timeout));
        hub.Services.TryAddSingleton<FormTokens>();
        hub.Services.TryAddSingleton<CaptchaVerifier>();
        hub.Services.TryAddSingleton<PublicFormIntake>();
    }
}
