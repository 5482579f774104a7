using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Serilog;
using Serilog.Formatting.Compact;
using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Agents;
using SyncHub.Diagnostics;
using SyncHub.Domain;
using SyncHub.Host.ApiReference;
using SyncHub.Host.Auth;
using SyncHub.Host.Configuration;
using SyncHub.Host.Endpoints;
using SyncHub.Host.Logging;
using SyncHub.Host.Plugins;
using SyncHub.Host.Portal;
using SyncHub.Host.Sandbox;
using SyncHub.Hosting;
using SyncHub.Redis;
using SyncHub.Redis.Accounts;
using SyncHub.Redis.Outbox;
using SyncHub.Redis.Reviews;
using SyncHub.Storage;

namespace SyncHub.Host;

/// <summary>Builds and runs the hub. Tests build it the same way, on a free loopback port.</summary>
public static class SyncHubApp
{
    /// <summary>The EventId of <see cref="Log.TryIt"/>.</summary>
    private const int TryItEventId = 4004;

    /// <summary>The log category of Kestrel's bad-request lines.</summary>
    private const string KestrelBadRequests = "Microsoft.AspNetCore.Server.Kestrel.BadRequests";

    /// <summary>Runs until stopped; returns 1 and one line per cause (naming the setting) when the start fails.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        Serilog.Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
        try
        {
            await using var app = Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex)
        {
            var lines = await StartFailureReport.LinesAsync(ex, args);
            foreach (var line in lines)
            {
                Serilog.Log.Fatal("{Failure:l}", line);
            }

            if (lines.Count == 0)
            {
                Serilog.Log.Fatal(ex, "SyncHub stopped unexpectedly");
            }
            else
            {
                Serilog.Log.Debug(ex, "The start failed");
            }

            return 1;
        }
        finally
        {
            await Serilog.Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Builds the hub; <paramref name="configure"/> lets tests add configuration or replace services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        Build(args, configure, StartProblems.Throwing());

    /// <summary>
    /// Builds the hub, reporting what stops a start (a refused plugin, the sandbox outside Development) to
    /// <paramref name="problems"/>: a start throws the first, <c>synchub check-config</c> collects them all.
    /// </summary>
    internal static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure, StartProblems problems)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        ListenAddress.UseDefaultUnlessConfigured(builder);

        var configuration = builder.Configuration;
        var hub = Bind<HubOptions>(configuration, HubOptions.SectionName, problems);

        // RunAsync installs a bootstrap logger, which AddSerilog reconfigures and the whole process shares. Without it (tests,
        // several hubs in one process) each hub keeps its own logger: sharing the static Log.Logger would send every hub's
        // events to the last hub built, and the first hub disposed would silence the others.
        var ownLogger = Serilog.Log.Logger is not Serilog.Extensions.Hosting.ReloadableLogger;

        // The secrets no log line may carry: the configured ones now, those adapters obtain at run time as they come.
        var secrets = new SecretRegistry(SecretValues.From(configuration));
        builder.Services.AddSingleton(secrets);
        builder.Services.AddSingleton<ISecretRegistry>(secrets);
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services).Enrich.FromLogContext().Filter.With(new StartFailureReport());

                // Kestrel's bad-request lines (Debug) carry the raw request line or header in their exception's text, which
                // no masking reaches (Serilog keeps the exception as logged): a key sent in a malformed request would be
                // written at Debug and Verbose. Set after the configuration, so no level setting brings them back.
                logger.MinimumLevel.Override(KestrelBadRequests, Serilog.Events.LogEventLevel.Information);

                // Masks configured secrets in whatever any component logs. In Development the "Try it" hint (4004) keeps the
                // form token on purpose, so the printed curl can be pasted.
                logger.Enrich.With(new SecretMasker(
                    secrets,
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
            // The core's meter and every adapter's (SyncHub.Email, ...: a plugin's meter under SyncHub.* is exported too).
            .AddMeter(SyncHubMetrics.MeterName, SyncHubMetrics.MeterName + ".*", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime")
            .AddPrometheusExporter());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = hub.StopBudget);
        builder.Services.ConfigureHttpJsonOptions(o => SyncHubJson.Apply(o.SerializerOptions));
        builder.Services.AddProblemDetails();

        builder.Services.AddValidatedOptions<HubOptions>(configuration.GetSection(HubOptions.SectionName));
        builder.AddApiAuthentication(problems);
        builder.Services.AddSingleton<RequestLoggers>();
        builder.Services.AddPublicForm();
        builder.Services.AddApiDocumentation();

        var syncHub = builder.Services.AddSyncHubCore(configuration);
        AddStore(builder.Services, configuration, hub.Store);
        var enabled = BuiltInAdapters.All.Where(syncHub.AddModule).Select(m => m.Name).ToList();
        var plugins = AddPlugins(builder, syncHub, enabled, problems);
        AddSandbox(builder, problems);
        var unknownSettings = UnknownSettings.Add(builder, BuiltInAdapters.All.Concat(plugins.SelectMany(p => p.Modules)));
        builder.Services.AddSingleton(new HubSummary(hub.Store, enabled, plugins));

        var app = builder.Build();
        unknownSettings.Warn(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SyncHub"));
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<MalformedRequests>();
        // CORS runs for the endpoints that ask for it (RequireCors: the public form), the only ones it can answer for: there
        // is no default policy. Run for every request, it had made each one a service scope (its Invoke takes the policy
        // provider from the request's services) and an Items dictionary, about 300 B per webhook, for nothing.
        app.UseWhen(context => context.GetEndpoint()?.Metadata.GetMetadata<ICorsMetadata>() is not null, cors => cors.UseCors());
        app.UseRateLimiter();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Live), ResponseWriter = HealthJson.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(HealthTags.Ready), ResponseWriter = HealthJson.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapIntake();
        app.MapTickets().MapAgentActions().MapWorkflow();
        app.MapViews();
        app.MapAgents();
        app.MapDeadLetters();
        app.MapAvailability();
        app.MapCannedAnswers();
        app.MapDashboard();
        app.MapPublicForm();
        app.MapApiDocumentation();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceReady(app, hub.Store, enabled, plugins));
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
                throw new StartFailureException($"Configuration error: SyncHub:Store {store} is not available");
        }
    }

    /// <summary>
    /// Loads the plugins (<c>SyncHub:Plugins</c>) and registers their modules through <see cref="SyncHubBuilder.AddModule"/>,
    /// as the built-in ones; lists them on <c>/health/ready</c> and in <c>synchub.plugins</c>.
    /// </summary>
    private static IReadOnlyList<LoadedPlugin> AddPlugins(WebApplicationBuilder builder, SyncHubBuilder syncHub, List<string> enabled, StartProblems problems)
    {
        var section = builder.Configuration.GetSection(PluginOptions.SectionName);
        builder.Services.AddValidatedOptions<PluginOptions>(section);
        var options = Bind<PluginOptions>(builder.Configuration, PluginOptions.SectionName, problems);
        var plugins = string.IsNullOrWhiteSpace(options.Path)
            ? []
            : PluginLoader.Load(options, builder.Environment.ContentRootPath, builder.Configuration, [.. BuiltInAdapters.All.Select(m => m.Name)], problems);
        var fromPlugins = new List<string>();
        foreach (var module in plugins.SelectMany(p => p.Modules))
        {
            if (syncHub.AddModule(module))
            {
                fromPlugins.Add(module.Name);
            }
        }

        enabled.AddRange(fromPlugins);
        builder.Services.AddSingleton(new PluginCatalog(plugins, fromPlugins));
        builder.Services.AddHealthChecks().AddCheck<PluginHealthCheck>("plugins", tags: [HealthTags.Ready]);
        builder.Services.AddHostedService<PluginMetrics>();
        return plugins;
    }

    /// <summary>The sandbox's made-up requests: Development only; switched on elsewhere, it stops the start.</summary>
    private static void AddSandbox(WebApplicationBuilder builder, StartProblems problems)
    {
        var options = Bind<SandboxOptions>(builder.Configuration, SandboxOptions.SectionName, problems);
        if (!options.Enabled)
        {
            return;
        }

        if (!builder.Environment.IsDevelopment())
        {
            problems.Report(
                $"Configuration error: {SandboxOptions.SectionName}:{nameof(SandboxOptions.Enabled)}: the sandbox makes up tickets and runs only in the " +
                $"Development environment, not in {builder.Environment.EnvironmentName}.");
            return;
        }

        builder.Services.AddValidatedOptions<SandboxOptions>(builder.Configuration.GetSection(SandboxOptions.SectionName));
        builder.Services.AddHostedService<SandboxService>();
        builder.Services.AddSingleton<INotifier, SandboxNotifier>();
    }

    private static T Bind<T>(IConfiguration configuration, string section, StartProblems problems)
        where T : new()
    {
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException ex)
        {
            problems.Report($"Configuration error: {ex.Message}", ex);
            return new T();
        }
    }

    private static void AnnounceReady(WebApplication app, StoreKind store, IReadOnlyList<string> adapters, IReadOnlyList<LoadedPlugin> plugins)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SyncHub");
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
        var catalog = app.Services.GetRequiredService<PluginCatalog>();
        foreach (var plugin in plugins)
        {
            Log.PluginLoaded(logger, plugin.Name, plugin.Version, plugin.Directory, plugin.SdkVersion.ToString(3), string.Join(", ", plugin.Modules.Select(m => m.Name)), string.Join(", ", catalog.Enabled(plugin)) is { Length: > 0 } on ? on : "none");
            foreach (var warning in plugin.Warnings)
            {
                Log.PluginWarning(logger, plugin.Name, warning);
            }
        }

        Log.Ready(logger, address, store.ToString(), adapters.Count == 0 ? "none" : string.Join(", ", adapters));
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        foreach (var webhook in app.Services.GetServices<IWebhookSource>())
        {
            if (webhook.ExampleRequest(new Uri($"{address}/api/intake/{webhook.Route}")) is { } example)
            {
                Log.TryIt(logger, example);
            }
        }

        // The sandbox agents' published keys (Development only, so the masker lets event 4004 keep them).
        var agents = SandboxAgents.SignIns(app.Services.GetRequiredService<IAgentDirectory>(), id => app.Configuration[$"{AgentsOptions.SectionName}:{id}:{nameof(AgentSettings.KeyHash)}"]).ToList();
        if (agents.Count > 0)
        {
            Log.TryIt(logger, $"sign in as an agent (dashboard, or curl -H 'X-Api-Key: ...' {address}/api/agents/me): {string.Join("; ", agents)}");
        }
    }
}
