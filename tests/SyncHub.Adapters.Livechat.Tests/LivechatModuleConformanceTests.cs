using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Livechat.Tests;

public sealed class LivechatModuleConformanceTests : AdapterModuleConformance<LivechatModule>
{
    protected override IReadOnlyDictionary<string, string?> ValidSettings => LivechatSettings.For();

    protected override IReadOnlyCollection<Type> Components => [typeof(LivechatWebhook)];

    protected override IEnumerable<InvalidSetting> InvalidSettings => [InvalidSetting.Of("Secret", ""), InvalidSetting.Of("Secret", null)];
}
