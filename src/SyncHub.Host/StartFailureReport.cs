using Microsoft.Extensions.Options;
using Serilog.Core;
using Serilog.Events;
using SyncHub.Host.Commands;
using SyncHub.Host.Plugins;
using SyncHub.Hosting;

namespace SyncHub.Host;

/// <summary>
/// What a failed start prints: one line per cause naming the setting to change (the address in use and
/// <c>--urls</c>; every configuration problem, as <c>synchub check-config</c> lists them), and the stack trace only at
/// Debug. As a log filter it keeps the host's own stack-carrying lines about that failed start out of the log.
/// </summary>
internal sealed class StartFailureReport : ILogEventFilter
{
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
    private const string HostingFailed = "Hosting failed to start";
    private const string PluginRefused = "Plugin refused: ";

    private volatile bool failed;

    /// <summary>
    /// The lines for <paramref name="exception"/>, or none when it is not a start failure an operator can fix by a
    /// setting (then the caller logs it whole).
    /// </summary>
    public static async Task<IReadOnlyList<string>> LinesAsync(Exception exception, string[] args)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is IOException { Message: var message } && message.StartsWith("Failed to bind to address", StringComparison.Ordinal))
        {
            return [$"{message.TrimEnd('.')}: another process listens there, or this user may not; stop it or choose a free address with --urls, ASPNETCORE_URLS or Urls"];
        }

        if (!IsConfiguration(exception))
        {
            return [];
        }

        // Collected by a second, silent build of the same configuration: the first stopped at the first problem.
        var logger = Serilog.Log.Logger;
        Serilog.Log.Logger = Logger.None;
        IReadOnlyList<string> problems;
        try
        {
            problems = await CheckConfigCommand.StartProblemsAsync(args);
        }
        finally
        {
            Serilog.Log.Logger = logger;
        }

        // The exception's own lines too, should the second build not meet the problem the first one did.
        return [.. problems.Concat(CheckConfigCommand.Messages(exception)).Select(Named).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The line as the operator reads it: a configuration problem says so; a refused plugin that names no setting gets
    /// the settings that leave it out.
    /// </summary>
    private static string Named(string problem)
    {
        if (!problem.StartsWith(PluginRefused, StringComparison.Ordinal))
        {
            return problem.StartsWith("Configuration error", StringComparison.Ordinal) ? problem : $"Configuration error: {problem}";
        }

        if (problem.Contains("SyncHub:", StringComparison.Ordinal))
        {
            return problem;
        }

        var plugin = problem[PluginRefused.Length..].Split(' ', 2)[0];
        return $"{problem.TrimEnd('.')}; to start without it, take it out of {PluginOptions.SectionName}:Enabled, or set {SyncHubBuilder.AdaptersSection}:{plugin}:Enabled=false when that list is empty";
    }

    /// <summary>Drops the host's "Hosting failed to start" and what its hosted services log as they are torn down after it.</summary>
    public bool IsEnabled(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (!logEvent.Properties.TryGetValue("SourceContext", out var source) || source is not ScalarValue { Value: HostCategory })
        {
            return true;
        }

        if (logEvent.MessageTemplate.Text == HostingFailed)
        {
            failed = true;
        }

        return !failed || logEvent.Level < LogEventLevel.Error;
    }

    private static bool IsConfiguration(Exception exception) => exception switch
    {
        StartFailureException or OptionsValidationException => true,
        AggregateException many => many.InnerExceptions.All(IsConfiguration),
        _ => false,
    };
}
