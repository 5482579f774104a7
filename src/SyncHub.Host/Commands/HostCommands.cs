using System.Reflection;
using SyncHub.Host.Configuration;

namespace SyncHub.Host.Commands;

/// <summary>
/// The operator commands of the <c>synchub</c> binary besides running the hub: <c>check-config</c>,
/// <c>replay-dead-letters</c>, <c>reset-cursor</c> and <c>hash-key</c>. Each builds the hub's configuration as a start would and exits 0
/// when it did its work, 1 otherwise, with lines an operator can act on.
/// </summary>
internal static class HostCommands
{
    public const string Usage =
        "usage: synchub [--urls URL] [--environment NAME] [--Section:Key=value ...]    run the hub\n" +
        "       synchub healthcheck [URL]                                             probe /health/ready (default: the address of URLS)\n" +
        "       synchub check-config [--environment NAME] [--settings FILE.json]      validate the configuration, start nothing\n" +
        "       synchub replay-dead-letters [--source NAME] [--limit N]              re-submit dead-lettered intake records\n" +
        "       synchub reset-cursor SOURCE [--force]                                 clear a polling source's committed cursor\n" +
        "       synchub hash-key [--key KEY|-]                                        a new agent/service key and its sha256: hash (or the hash of KEY)\n" +
        "       synchub --version | --help";

    /// <summary>The names a first argument may take; anything else that is not an option is a mistyped command.</summary>
    private static readonly string[] Known = [CheckConfigCommand.Name, ReplayDeadLettersCommand.Name, ResetCursorCommand.Name, HashKeyCommand.Name, "healthcheck", "help", "version"];

    /// <summary><c>synchub --version</c>: the host's version (with the commit it was built from, when known).</summary>
    public static string Version =>
        $"synchub {typeof(HostCommands).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? typeof(HostCommands).Assembly.GetName().Version?.ToString()}";

    public static bool IsCommand(string? name) => name is CheckConfigCommand.Name or ReplayDeadLettersCommand.Name or ResetCursorCommand.Name or HashKeyCommand.Name;

    /// <summary>
    /// True for a first argument that can only be meant as a command: not an option (<c>--urls</c>) and not a
    /// configuration value (<c>SyncHub:Store=Redis</c>). Running the hub on a mistyped command would surprise.
    /// </summary>
    public static bool LooksLikeCommand(string argument) =>
        !string.IsNullOrEmpty(argument) && !argument.StartsWith('-') && !argument.StartsWith('/') && !argument.Contains('=', StringComparison.Ordinal);

    /// <summary>Prints that <paramref name="command"/> is unknown, the nearest known one and the usage; returns 2.</summary>
    public static async Task<int> UnknownAsync(string command, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var nearest = NearestName.Find(command, Known);
        await error.WriteLineAsync($"unknown command {command}{(nearest is null ? "" : $"; did you mean {nearest}?")}\n{Usage}");
        return 2;
    }

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
            HashKeyCommand.Name => HashKeyCommand.RunAsync(rest, output, error, Console.In),
            _ => UnknownAsync(args[0], error),
        };
    }
}
