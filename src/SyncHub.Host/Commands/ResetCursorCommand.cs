using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Host.Commands;

/// <summary>
/// <c>synchub reset-cursor SOURCE</c>: clears the committed cursor of a polling source in the configured store, so its
/// next poll starts from the adapter's configured start again (what it reads twice is absorbed by the store's
/// idempotency). A running hub picks it up at its next poll; a poll in flight may still commit the page it read. A name
/// that is not an enabled polling source of the configuration (a typo, a wrong case) is refused naming the known ones;
/// <c>--force</c> resets it anyway (a source switched off since).
/// </summary>
internal static class ResetCursorCommand
{
    public const string Name = "reset-cursor";

    private const string ForceOption = "--force";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure)
    {
        var force = args.Contains(ForceOption, StringComparer.Ordinal);
        var arguments = CommandArguments.Parse([.. args.Where(a => a != ForceOption)], [], out _);
        if (arguments.Positional is not [var source] || string.IsNullOrWhiteSpace(source))
        {
            await error.WriteLineAsync($"reset-cursor needs the name of one polling source (e.g. Twitter)\n{HostCommands.Usage}");
            return 2;
        }

        var problems = StartProblems.Collecting();
        await using var app = CommandHost.Build(arguments, problems, configure);
        foreach (var problem in problems.Lines)
        {
            await error.WriteLineAsync($"warning: {problem}");
        }

        if (!await CommandHost.StoreAnswersAsync(app, Name, error))
        {
            return 1;
        }

        var pollers = app.Services.GetServices<PollingSourceDescriptor>().Select(d => d.Name).ToList();
        if (!pollers.Contains(source, StringComparer.Ordinal))
        {
            var nearest = Configuration.NearestName.Find(source, pollers);
            await error.WriteLineAsync(
                $"{(force ? "note" : "unknown source")}: {source} is not an enabled polling source in this configuration " +
                $"(polling sources: {(pollers.Count == 0 ? "none" : string.Join(", ", pollers))}){(nearest is null ? "" : $"; did you mean {nearest}?")}; " +
                $"names are case-sensitive{(force ? "" : $"; {ForceOption} resets it anyway")}");
            if (!force)
            {
                return 1;
            }
        }

        var checkpoints = app.Services.GetRequiredService<ICheckpointStore>();
        try
        {
            var before = await checkpoints.GetAsync(source);
            if (before is null)
            {
                await output.WriteLineAsync($"{source}: no committed cursor; nothing to reset");
                return 0;
            }

            await checkpoints.ResetAsync(source);
            await output.WriteLineAsync($"{source}: cursor reset (was {before}); its next poll reads from the adapter's configured start");
            return 0;
        }
        catch (StoreUnavailableException ex)
        {
            await error.WriteLineAsync($"the store is unavailable: {ex.Message}");
            return 1;
        }
    }
}
