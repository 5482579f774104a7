using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Email.Tests;

public sealed class SmtpModuleConformanceTests : AdapterModuleConformance<SmtpModule>
{
    protected override IReadOnlyDictionary<string, string?> ValidSettings => EmailSettings.Smtp(587);

    protected override IReadOnlyCollection<Type> Components => [typeof(SmtpNotifier)];

    protected override IEnumerable<InvalidSetting> InvalidSettings =>
    [
        InvalidSetting.Of("Host", null),
        InvalidSetting.Of("From", null),
        InvalidSetting.Of("From", "Support <support@example.com>, Sales <sales@example.com>"),
        InvalidSetting.Of("User", "support@example.com", "Password"),
        InvalidSetting.Of("MessageIdDomain", "not a domain"),
        InvalidSetting.Of("Timeout", "00:00:00"),
    ];
}
