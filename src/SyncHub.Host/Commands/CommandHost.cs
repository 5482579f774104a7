using Microsoft.Extensions.Options;
using SyncHub.Host.Configuration;
using SyncHub.Storage;

namespace SyncHub.Host.Commands;

/// <summary>
/// Builds the hub as <c>synchub</c> would start it (same configuration, store and adapters, plugins included) without
/// starting anything: no HTTP server, no pollers, no console logging; the command prints its own lines.
/// </summary>
internal static class CommandHost
{
    public static WebApplication Build(
        CommandArguments arguments,
        StartProblems problems,
        Action<WebApplicationBuilder>? configure,
        Action<IServiceCollection>? services = null,
        string? settingsFile = null) =>
        SyncHubApp.Build([.. arguments.HostArgs], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SyncHub:Logging:Console"] = "false" });
            configure?.Invoke(builder);
            services?.Invoke(builder.Services);

            // Last, over the environment and the command line: the file an operator asks about is the file checked.
            if (settingsFile is not null)
            {
                builder.Configuration.AddJsonFile(settingsFile, optional: false, reloadOnChange: false);
            }
        }, problems);

    /// <summary>
    /// True when the configured store is a shared one and answers; otherwise false after printing why (the in-memory
    /// store is the running hub's own memory: a new process would see an empty one).
    /// </summary>
    public static async Task<bool> StoreAnswersAsync(WebApplication app, string command, TextWriter error)
    {
        var summary = app.Services.GetRequiredService<HubSummary>();
        if (summary.Store != StoreKind.Redis)
        {
            await error.WriteLineAsync(
                $"{command} works on a shared store: SyncHub:Store is {summary.Store}, whose cursors and dead letters live only inside the running hub. " +
                "Run it with the hub's configuration (SyncHub:Store=Redis and ConnectionStrings:Redis).");
            return false;
        }

        try
        {
            if (await app.Services.GetRequiredService<ITicketStore>().PingAsync())
            {
                return true;
            }
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync(failure);
            }

            return false;
        }
        catch (Exception ex) when (ex is StoreUnavailableException or StackExchange.Redis.RedisException or TimeoutException)
        {
            await error.WriteLineAsync($"the store does not answer ({ex.GetType().Name}); check ConnectionStrings:Redis");
            return false;
        }

        await error.WriteLineAsync("the store does not answer; check ConnectionStrings:Redis");
        return false;
    }
}
