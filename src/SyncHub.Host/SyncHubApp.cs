using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Serilog;
using Serilog.Formatting.Compact;
using SyncHub.Accounts;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.Hosting;
using SyncHub.Host.Configuration;
using SyncHub.Host.Endpoints;
using SyncHub.Host.Logging;
using SyncHub.Redis;
using SyncHub.Redis.Accounts;
using SyncHub.Redis.Outbox;
using SyncHub.Redis.Reviews;

namespace SyncHub.Host;

/// <summary>Builds and runs the hub. Tests build it the same way, on a free loopback port.</summary>
public static class SyncHubApp
{
    /// <summary>The EventId of <see cref="Log.TryIt"/>.</summary>
    private const int TryItEventId = 4004;

    /// <summary>Runs until stopped; returns 1 (and one line naming the key) when the configuration is wrong.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        Serilog.Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
        try
        {
            await using var app = Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            Serilog.Log.Fatal("Configuration error: {Failures}", string.Join("; ", ex.Failures));
            return 1;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Configuration error", StringComparison.Ordinal) || ex.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase))
        {
            Serilog.Log.Fatal("Configuration error: {Message}", ex.Message);
            return 1;
        }
        catch (Exception ex)
        {
            Serilog.Log.Fatal(ex, "SyncHub stopped unexpectedly");
            return 1;
        }
        finally
        {
            await Serilog.Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Builds the hub; <paramref name="configure"/> lets tests add configuration or replace services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var configuration = builder.Configuration;
        var hub = Bind<HubOptions>(configuration, HubOptions.SectionName);

        // RunAsync installs a bootstrap logger, which AddSerilog reconfigures and the whole process shares. Without it (tests,
        // several hubs in one process) each hub keeps its own logger: sharing the static Log.Logger would send every hub's
        // events to the last hub built, and the first hub disposed would silence the others.
        var ownLogger = Serilog.Log.Logger is not Serilog.Extensions.Hosting.ReloadableLogger;
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services).Enrich.FromLogContext();

                // Masks configured secrets in whatever any component logs. In Development the "Try it" hint (4004) keeps the
                // form token on purpose, so the printed curl can be pasted.
                logger.Enrich.With(new SecretMasker(
                    SecretValues.From(configuration),
                    builder.Environment.IsDevelopment() ? e => SecretMasker.HasEventId(e, TryItEventId) : null));
                if (!configuration.GetValue("SyncHub:Logging:Console", true))
                {
                    return;
                }

                if (Console.IsOutputRedirected)
                {
                    logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
                else
                {
                    logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
                }
            },
            preserveStaticLogger: ownLogger);
        builder.Services.AddSystemd();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(SyncHubMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
            .AddPrometheusExporter());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = hub.ShutdownTimeout);
        builder.Services.ConfigureHttpJsonOptions(o => SyncHubJson.Apply(o.SerializerOptions));
        builder.Services.AddProblemDetails();

        builder.Services.AddValidatedOptions<HubOptions>(configuration.GetSection(HubOptions.SectionName));
        builder.Services.AddValidatedOptions<ApiOptions>(configuration.GetSection(ApiOptions.SectionName));
        builder.Services.AddSingleton<ApiKeyFilter>();

        var syncHub = builder.Services.AddSyncHubCore(configuration);
        AddStore(builder.Services, configuration, hub.Store);
        var enabled = BuiltInAdapters.All.Where(syncHub.AddModule).Select(m => m.Name).ToList();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Live), ResponseWriter = HealthJson.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResponseWriter = HealthJson.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapIntake();
        app.MapTickets().MapWorkflow();
        app.MapDashboard();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceReady(app, hub.Store, enabled));
        return app;
    }

    private static void AddStore(IServiceCollection services, IConfiguration configuration, StoreKind store)
    {
        switch (store)
        {
            case StoreKind.InMemory:
                services.AddInMemoryStore();
                services.AddInMemoryAccountDirectory(configuration.GetSection(AccountDirectoryOptions.SectionName));
                break;
            case StoreKind.Redis:
                services.AddRedisStore(configuration);
                services.AddRedisOutbox();
                services.AddRedisReviewSignals();
                services.AddRedisAccountDirectory(configuration.GetSection(AccountDirectoryOptions.SectionName));
                break;
            default:
                throw new InvalidOperationException($"Configuration error: SyncHub:Store {store} is not available");
        }
    }

    private static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"Configuration error: {ex.Message}", ex);
        }
    }

    private static void AnnounceReady(WebApplication app, StoreKind store, IReadOnlyList<string> adapters)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SyncHub");
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
        Log.Ready(logger, address, store.ToString(), adapters.Count == 0 ? "none" : string.Join(", ", adapters));
        if (!app.Environment.IsDevelopment() || !adapters.Contains(Adapters.WebForm.WebFormSource.SourceName))
        {
            return;
        }

        var token = app.Services.GetRequiredService<IOptionsMonitor<Adapters.WebForm.WebFormOptions>>().CurrentValue.Token;
        Log.TryIt(logger, $"curl -i -X POST {address}/api/intake/web -H 'Authorization: Bearer {token}' -H 'Content-Type: application/json' " +
            "-d '{\"name\":\"Ana Souza\",\"email\":\"ana@example.com\",\"subject\":\"Cannot log in\",\"message\":\"The desktop app says my password is wrong.\",\"priority\":\"Medium\",\"clientVersion\":\"6.4.1\",\"submissionId\":\"demo-1\"}'");
    }
}
