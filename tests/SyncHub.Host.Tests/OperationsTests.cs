using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncHub.Storage;
using SyncHub.Testing.Doubles;

namespace SyncHub.Host.Tests;

public sealed class OperationsTests
{
    [Fact]
    public async Task Health_LiveAndReady_Return200WithPerCheckJson()
    {
        await using var hub = await HubServer.StartAsync();

        using var live = await hub.Client.GetAsync("/health/live");
        using var ready = await hub.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = await hub.JsonAsync(ready);
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("pipeline").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Intake_PipelineSaturated_Returns503WithRetryAfterAndNothingIsLost()
    {
        var store = new GatedTicketStore();
        store.Close();
        await using var hub = await HubServer.StartAsync(
            new()
            {
                ["SyncHub:Pipeline:Capacity"] = "1",
                ["SyncHub:Pipeline:Workers"] = "1",
                ["SyncHub:Pipeline:WebhookEnqueueTimeout"] = "00:00:00.100",
                ["SyncHub:Pipeline:RetryAfter"] = "00:00:07",
            },
            services => services.AddSingleton<ITicketStore>(store));

        var first = hub.Client.SendAsync(hub.Form(Forms.Valid("s-1")));
        await Eventually.WaitUntilAsync(() => store.Entered == 1);
        var second = hub.Client.SendAsync(hub.Form(Forms.Valid("s-2")));
        await Eventually.WaitUntilAsync(() => hub.App.Services.GetRequiredService<Pipeline.IIntakePipeline>().Depth == 1);

        using var refused = await hub.Client.SendAsync(hub.Form(Forms.Valid("s-3")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        store.Open();
        using var a = await first;
        using var b = await second;
        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        using var retried = await hub.Client.SendAsync(hub.Form(Forms.Valid("s-3")));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task Intake_StoreDown_Returns503AndReadyIs503UntilItComesBack()
    {
        var store = new GatedTicketStore { Down = true };
        await using var hub = await HubServer.StartAsync(services: s => s.AddSingleton<ITicketStore>(store));

        using var refused = await hub.Client.SendAsync(hub.Form(Forms.Valid("o-1")));
        using var notReady = await hub.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Equal("Unhealthy", (await hub.JsonAsync(notReady)).GetProperty("checks").GetProperty("store").GetProperty("status").GetString());

        store.Down = false;
        using var accepted = await hub.Client.SendAsync(hub.Form(Forms.Valid("o-1")));
        using var ready = await hub.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData("SyncHub:Pipeline:Capacity", "0", "SyncHub:Pipeline:Capacity")]
    [InlineData("SyncHub:Api:Keys:0", "", "SyncHub:Api:Keys")]
    [InlineData("SyncHub:Adapters:WebForm:Token", "", "SyncHub:Adapters:WebForm:Token")]
    public async Task Start_BadSetting_FailsNamingTheKey(string key, string value, string named)
    {
        await using var app = HubServer.Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
