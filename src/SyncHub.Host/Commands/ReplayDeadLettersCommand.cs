using System.Globalization;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Host.Commands;

/// <summary>
/// <c>synchub replay-dead-letters [--source NAME] [--limit N]</c>: sends the dead-lettered intake records of the
/// configured store through the intake pipeline again (the same policies, SLA stamp and atomic store call as live
/// intake; the outbox events they make are delivered by the running hub), oldest first, and takes the replayed letters
/// out of the list. One that fails again is dead-lettered anew with today's reason. Prints the counts.
/// </summary>
internal static class ReplayDeadLettersCommand
{
    public const string Name = "replay-dead-letters";

    private const string SourceOption = "--source";
    private const string LimitOption = "--limit";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure)
    {
        var arguments = CommandArguments.Parse(args, [SourceOption, LimitOption], out var usage);
        int? limit = null;
        if (arguments.Option(LimitOption) is { } text)
        {
            limit = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
            usage ??= limit is null ? "--limit must be a whole number above 0" : null;
        }

        if (usage is not null || arguments.Positional.Count > 0)
        {
            await error.WriteLineAsync($"{usage ?? $"unexpected {arguments.Positional[0]}"}\n{HostCommands.Usage}");
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

        if (app.Services.GetService<IDeadLetterRemover>() is not { } remover)
        {
            await error.WriteLineAsync($"{Name}: this store cannot remove dead letters");
            return 1;
        }

        var pipeline = app.Services.GetRequiredService<IntakePipeline>();
        await pipeline.StartAsync(CancellationToken.None);
        DeadLetterReplayResult result;
        try
        {
            var replay = new DeadLetterReplay(app.Services.GetRequiredService<IDeadLetterStore>(), remover, pipeline, app.Services.GetRequiredService<ITicketStore>());
            result = await replay.ReplayAsync(arguments.Option(SourceOption), limit);
        }
        catch (StoreUnavailableException ex)
        {
            await error.WriteLineAsync($"the store is unavailable: {ex.Message}");
            return 1;
        }
        finally
        {
            await pipeline.StopAsync(CancellationToken.None);
        }

        await output.WriteLineAsync(
            $"replayed {result.Replayed} of {result.Listed} dead letters: {result.Created} created, {result.Duplicates} duplicate, " +
            $"{result.Threaded} threaded, {result.FailedAgain} dead-lettered again; {result.Requeued} outbox deliveries queued again; " +
            $"{result.Removed} removed from the list");
        var left = new List<string>();
        Add(left, result.OtherSource, "of other sources");
        Add(left, result.OverLimit, "over --limit");
        Add(left, result.OrphanEvents, "outbox events of tickets that are gone");
        Add(left, result.Unreadable, "unreadable");
        if (left.Count > 0)
        {
            await output.WriteLineAsync($"left in the list: {string.Join(", ", left)}");
        }

        if (result.Error is not null)
        {
            await error.WriteLineAsync($"stopped early: {result.Error}; run it again to replay the rest");
            return 1;
        }

        return 0;
    }

    private static void Add(List<string> parts, int count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{count.ToString(CultureInfo.InvariantCulture)} {what}");
        }
    }
}
