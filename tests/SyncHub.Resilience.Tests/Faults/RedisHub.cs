using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using SyncHub.Host;
using SyncHub.Resilience.Tests.Hosting;

namespace SyncHub.Resilience.Tests.Faults;

/// <summary>The real hub in process, in Production, on a free loopback port, with the Redis store and the web form.</summary>
internal static class RedisHub
{
    public static WebApplication Build(string connectionString, string prefix, Dictionary<string, string?>? extra = null, ILogEventSink? log = null) =>
        SyncHubApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["SyncHub:Store"] = "Redis",
                ["ConnectionStrings:Redis"] = connectionString,
                ["SyncHub:Redis:KeyPrefix"] = prefix,
                ["SyncHub:Logging:Console"] = "false",
                ["SyncHub:ShutdownTimeout"] = "00:00:05",
                ["SyncHub:Api:Keys:0"] = TestSecrets.ApiKey,
                ["SyncHub:Adapters:WebForm:Enabled"] = "true",
                ["SyncHub:Adapters:WebForm:Token"] = TestSecrets.FormToken,
            };
            foreach (var (key, value) in extra ?? [])
            {
                settings[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(settings);
            if (log is not null)
            {
                builder.Services.AddSingleton(log);
            }
        });
}
