using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using SyncHub.Host;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Hostile;

/// <summary>
/// In Development the hub prints a ready-to-paste <c>curl</c> with the form token: that one hint is the only line that
/// may hold a secret, by design; everything else is masked there too, and no other environment prints the hint.
/// </summary>
public sealed class DevelopmentHintTests
{
    private const int TryItEventId = 4004;

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Testing", false)]
    public async Task Start_InEachEnvironment_OnlyTheDevelopmentHintHoldsTheFormToken(string environment, bool hint)
    {
        var log = new LogCapture();
        await using var app = SyncHubApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SyncHub:Store"] = "InMemory",
                ["SyncHub:Logging:Console"] = "false",
                ["SyncHub:Api:Keys:0"] = TestSecrets.ApiKey,
                ["SyncHub:Adapters:WebForm:Enabled"] = "true",
                ["SyncHub:Adapters:WebForm:Token"] = TestSecrets.FormToken,
                ["Serilog:MinimumLevel:Default"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Microsoft"] = "Verbose",
                ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
            });
            builder.Services.AddSingleton<ILogEventSink>(log);
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using (var request = HostileHub.Api(HttpMethod.Get, $"/api/tickets?api_key={TestSecrets.ApiKey}&token={TestSecrets.FormToken}", key: null))
        using (var response = await client.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        await app.StopAsync();

        // In Development the hints are the ready-to-paste curl (with the form token) and the sandbox agents' sign-in keys.
        var hints = log.WithEventId(TryItEventId);
        var withToken = hints.Where(h => h.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(TestSecrets.FormToken, StringComparison.Ordinal)).ToList();
        Assert.Equal(hint ? 1 : 0, withToken.Count);
        if (!hint)
        {
            Assert.Empty(hints);
        }

        var others = log.Events.Except(hints).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(" ", e.Properties.Values)).ToList();
        Assert.Contains(others, l => l.Contains("Request starting", StringComparison.Ordinal));
        foreach (var secret in new[] { TestSecrets.FormToken, TestSecrets.ApiKey })
        {
            Assert.DoesNotContain(others, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
