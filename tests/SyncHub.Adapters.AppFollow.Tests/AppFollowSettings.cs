using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncHub.Domain;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.AppFollow.Tests;

/// <summary>The adapter's configuration for an <see cref="AppFollowFake"/>: two apps, Android on Google Play and iOS on the App Store.</summary>
internal static class AppFollowSettings
{
    public const string Section = "SyncHub:Adapters:AppFollow";

    public static readonly DateTimeOffset Now = AdapterHarness.DefaultNow;

    /// <summary>The settings (keys relative to the section, <c>SyncHub:</c> keys absolute), with <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string?> For(AppFollowFake fake, IDictionary<string, string?>? overrides = null) => AdapterHarness.Merge(
        new Dictionary<string, string?>
        {
            ["Enabled"] = "true",
            ["BaseUrl"] = fake.ApiUrl,
            ["ApiToken"] = AppFollowFake.Token,
            ["Apps:0:AppId"] = AppFollowFake.Android,
            ["Apps:0:Store"] = "GooglePlay",
            ["Apps:1:AppId"] = AppFollowFake.Ios,
            ["Apps:1:Store"] = "AppStore",
            ["StartFrom"] = "2026-11-29",
            ["RetryDelay"] = "00:00:00.010",
        },
        overrides);

    /// <summary>
    /// The module wired as the host wires it, pointed at <paramref name="fake"/>, with <paramref name="alerts"/> (a new
    /// recorder when null) as the hub's team alerts, on <paramref name="time"/> when given.
    /// </summary>
    public static AdapterHarness Harness(
        AppFollowFake fake,
        IDictionary<string, string?>? overrides = null,
        RecordingTeamAlerts? alerts = null,
        FakeTimeProvider? time = null) =>
        new(new AppFollowModule(), For(fake, overrides), time, services => AddTeamAlerts(services, alerts));

    /// <summary>Registers <paramref name="alerts"/> (a new recorder when null) as the hub would register its team alerts.</summary>
    public static void AddTeamAlerts(IServiceCollection services, RecordingTeamAlerts? alerts = null) =>
        services.AddSingleton<ITeamAlerts>(alerts ?? new RecordingTeamAlerts());

    /// <summary>A reply to a review as the ticket workflow writes it to the outbox.</summary>
    public static OutboxEvent Reply(string reviewKey, string text = "Thanks, Ana! Version 4.2.1 fixes the crash; please update.", string id = "t-1:reply:3") => new()
    {
        Id = id,
        Type = ReviewEvents.Reply,
        TicketId = "t-1",
        TicketNumber = 10423,
        CreatedAt = Now,
        Data = new Dictionary<string, string> { [ReviewEvents.ReviewId] = reviewKey, [ReviewEvents.Text] = text },
    };
}
