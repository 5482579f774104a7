namespace SyncHub.Host.Commands;

/// <summary>
/// The operator commands of the <c>synchub</c> binary besides running the hub: <c>check-config</c>,
/// <c>replay-dead-letters</c> and <c>reset-cursor</c>. Each builds the hub's configuration as a start would and exits 0
/// when it did its work, 1 otherwise, with lines an operator can act on.
/// </summary>
internal static class HostCommands
{
    public const string Usage =
        "usage: synchub [--urls URL] [--environment NAME] [--Section:Key=value ...]    run the hub\n" +
        "       synchub healthcheck [URL]                                             probe /health/ready\n" +
        "       synchub check-config [--environment NAME] [--settings FILE.json]      validate the configuration, start nothing\n" +
        "       synchub replay-dead-letters [--source NAME] [--limit N]              re-submit dead-lettered intake records\n" +
        "       synchub reset-cursor SOURCE                                           clear a polling source's committed cursor";

    public static bool IsCommand(string? name) => name is CheckConfigCommand.Name or ReplayDeadLettersCommand.Name or ResetCursorCommand.Name;

    /// <summary>Runs <c>args[0]</c>; <paramref name="configure"/> lets tests add configuration as they do for the hub.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentOutOfRangeException.ThrowIfZero(args.Length);
        var rest = args[1..];
        return args[0] switch
        {
            CheckConfigCommand.Name => CheckConfigCommand.RunAsync(rest, output, error, configure),
            ReplayDeadLettersCommand.Name => ReplayDeadLettersCommand.RunAsync(rest, output, error, configure),
            ResetCursorCommand.Name => ResetCursorCommand.RunAsync(rest, output, error, configure),
            _ => UnknownAsync(args[0], error),
        };
    }

    private static async Task<int> UnknownAsync(string command, TextWriter error)
    {
        await error.WriteLineAsync($"unknown command {command}\n{Usage}");
        return 2;
    }
}
