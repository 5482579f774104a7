using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.WebForm.Tests;

public sealed class WebFormModuleConformanceTests : AdapterModuleConformance<WebFormModule>
{
    protected override IReadOnlyDictionary<string, string?> ValidSettings => WebFormSettings.For();

    protected override IReadOnlyCollection<Type> Components => [typeof(WebFormSource)];

    protected override IEnumerable<InvalidSetting> InvalidSettings => [InvalidSetting.Of("Token", null), InvalidSetting.Of("Token", "")];
}
