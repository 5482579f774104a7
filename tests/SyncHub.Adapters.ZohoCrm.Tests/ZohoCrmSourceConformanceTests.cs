using System.Globalization;
using System.Net;
using SyncHub.Sdk.Testing;
using WireMock.ResponseBuilders;
using static SyncHub.Adapters.ZohoCrm.Tests.ZohoFake;

namespace SyncHub.Adapters.ZohoCrm.Tests;

public sealed class ZohoCrmSourceConformanceTests : AccountSourceConformance<IAccountSource>
{
    private readonly ZohoFake zoho;

    public ZohoCrmSourceConformanceTests() => zoho = Track(new ZohoFake());

    protected override DateTimeOffset Start => ZohoSettings.Now;

    protected override IEnumerable<string> Secrets => [ClientSecret, RefreshToken, FirstToken];

    protected override IAccountSource CreateSource() => Harness(new ZohoCrmModule(), ZohoSettings.For(zoho)).Get<ZohoCrmSource>();

    protected override Task<IReadOnlyCollection<string>> ArrangeBacklogAsync()
    {
        zoho.Reset();
        zoho.Tokens(FirstToken)
            .Page("Accounts", 1, [Account("a1", "Acme Ltda", "2025-05-20T10:00:00-03:00"), Account("a2", "Globex", "2025-05-21T09:30:00-03:00")], more: true)
            .Page("Accounts", 2, [Account("a3", "Initech", "2025-05-19T08:00:00-03:00")], more: false)
            .Page("Contacts", 1, [Contact("c1", "a1", "Acme Ltda", "2025-05-20T10:00:00-03:00", email: "maria@acme.com")], more: false);
        return Task.FromResult<IReadOnlyCollection<string>>(["account:a1", "account:a2", "account:a3", "contact:c1"]);
    }

    protected override Task ArrangeUnavailableAsync()
    {
        zoho.Reset();
        zoho.Tokens(FirstToken).Error("Accounts", 1, HttpStatusCode.ServiceUnavailable, "INTERNAL_ERROR", "Internal Server Error");
        return Task.CompletedTask;
    }

    protected override Task ArrangeCredentialsRefusedAsync()
    {
        zoho.Reset();
        zoho.TokenError("invalid_client");
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedOnceAsync(TimeSpan wait)
    {
        zoho.Reset();
        zoho.Tokens(FirstToken).Status("Contacts", 1, HttpStatusCode.NoContent);
        zoho.Server.Given(RecordsRequest("Accounts", 1, null, FirstToken)).InScenario("limit").WillSetStateTo("served")
            .RespondWith(RateLimited(wait));
        zoho.Server.Given(RecordsRequest("Accounts", 1, null, FirstToken)).InScenario("limit").WhenStateIs("served").WillSetStateTo("served")
            .RespondWith(Json(HttpStatusCode.OK, new Dictionary<string, object?>
            {
                ["data"] = new[] { Account("a1", "Acme Ltda", "2025-05-20T10:00:00-03:00") },
                ["info"] = new Dictionary<string, object?> { ["more_records"] = false },
            }));
        return Task.CompletedTask;
    }

    protected override Task ArrangeRateLimitedAsync(TimeSpan wait)
    {
        zoho.Reset();
        zoho.Tokens(FirstToken);
        zoho.Server.Given(RecordsRequest("Accounts", 1, null, FirstToken)).RespondWith(RateLimited(wait));
        return Task.CompletedTask;
    }

    private static IResponseBuilder RateLimited(TimeSpan wait) =>
        ErrorResponse(HttpStatusCode.TooManyRequests, "TOO_MANY_REQUESTS", "API limit exceeded")
            .WithHeader("Retry-After", ((long)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture));
}
