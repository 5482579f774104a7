using SyncHub.Adapters;
using SyncHub.Adapters.AppFollow;
using SyncHub.Adapters.Email;
using SyncHub.Adapters.Facebook;
using SyncHub.Adapters.Freshcaller;
using SyncHub.Adapters.Livechat;
using SyncHub.Adapters.RocketChat;
using SyncHub.Adapters.Twitter;
using SyncHub.Adapters.WebForm;
using SyncHub.Adapters.ZohoCrm;

namespace SyncHub.Host.Configuration;

/// <summary>The adapters compiled into the host; each is registered only when its <c>Enabled</c> key is true.</summary>
internal static class BuiltInAdapters
{
    public static IReadOnlyList<IAdapterModule> All { get; } =
    [
        new ZohoCrmModule(),
        new WebFormModule(),
        new FreshcallerModule(),
        new RocketChatModule(),
        new EmailModule(),
        new SmtpModule(),
        new TwitterModule(),
        new FacebookModule(),
        new LivechatModule(),
        new AppFollowModule(),
    ];
}
