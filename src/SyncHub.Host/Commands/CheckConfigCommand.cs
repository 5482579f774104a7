using System.Reflection;
using Microsoft.Extensions.Options;

namespace SyncHub.Host.Commands;

/// <summary>
/// <c>synchub check-config [--environment NAME] [--settings FILE.json | FILE.json]</c>: builds the configuration the
/// hub would start with (appsettings, the environment's file, environment variables, the command line, and the given
/// settings file last), loads the plugins and runs every options validation, without starting anything. Prints every
/// problem on its own line, naming the key, and exits 1; or prints <c>configuration OK</c> and exits 0.
/// </summary>
internal static class CheckConfigCommand
{
    public const string Name = "check-config";

    private const string SettingsOption = "--settings";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure)
    {
        var arguments = CommandArguments.Parse(args, [SettingsOption], out var usage);
        var file = arguments.Option(SettingsOption) ?? arguments.Positional.FirstOrDefault();
        if (usage is not null || arguments.Positional.Count > (arguments.Option(SettingsOption) is null ? 1 : 0))
        {
            await error.WriteLineAsync($"{usage ?? "one settings file at most"}\n{HostCommands.Usage}");
            return 2;
        }

        var settings = file is null ? null : Path.GetFullPath(file);
        if (settings is not null && !File.Exists(settings))
        {
            await output.WriteLineAsync($"{settings}: no such settings file");
            return 1;
        }

        var (lines, app) = Check(arguments, configure, settings);
        lines.AddRange(app?.Services.GetRequiredService<Configuration.UnknownSettings>().Lines ?? []);

        try
        {
            var distinct = lines.Distinct(StringComparer.Ordinal).ToList();
            foreach (var line in distinct)
            {
                await output.WriteLineAsync(line);
            }

            if (distinct.Count > 0)
            {
                await error.WriteLineAsync($"configuration has {distinct.Count} problem{(distinct.Count == 1 ? "" : "s")}");
                return 1;
            }

            var summary = app!.Services.GetRequiredService<HubSummary>();
            var plugins = summary.Plugins.Count == 0 ? "none" : string.Join(", ", summary.Plugins.Select(p => $"{p.Name} {p.Version}"));
            await output.WriteLineAsync(
                $"configuration OK (environment {app.Environment.EnvironmentName}, store {summary.Store}, adapters: " +
                $"{(summary.Adapters.Count == 0 ? "none" : string.Join(", ", summary.Adapters))}, plugins: {plugins})");
            foreach (var channel in app.Services.GetRequiredService<SyncHub.Workflow.ReplyChannels>().Unanswerable())
            {
                // Not an error (intake works), but agents will get 409 on replies to these tickets.
                await output.WriteLineAsync($"warning: replies to {channel.Channel} tickets ({channel.EventType}) cannot be sent: set {channel.Setting}");
            }

            return 0;
        }
        finally
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Every problem a start with <paramref name="hostArgs"/> would meet (what <c>check-config</c> prints, less the unknown
    /// keys, which only warn at start), each once: the hub reports them all when its start fails on one.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StartProblemsAsync(IReadOnlyList<string> hostArgs)
    {
        var (lines, app) = Check(new CommandArguments([], new Dictionary<string, string>(), hostArgs), null, null);
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        return lines.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Builds the hub as a start would, collecting its problems; the app is null when it could not be built.</summary>
    private static (List<string> Lines, WebApplication? App) Check(CommandArguments arguments, Action<WebApplicationBuilder>? configure, string? settings)
    {
        var problems = StartProblems.Collecting();
        IServiceCollection? services = null;
        var lines = new List<string>();
        WebApplication? app = null;
        try
        {
            app = CommandHost.Build(arguments, problems, configure, s => services = s, settings);
            lines.AddRange(problems.Lines);
            lines.AddRange(Validate(app.Services, services!));
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or FormatException or AggregateException or OptionsValidationException)
        {
            // The configuration could not even be built (a settings file that is not JSON, a service that cannot be made).
            lines.AddRange(problems.Lines);
            lines.AddRange(Messages(ex));
        }

        return (lines, app);
    }

    /// <summary>
    /// Every options type with a validator, validated one by one so that one failure does not hide the next; then what
    /// the host itself validates at start (<see cref="IStartupValidator"/>), for options of other libraries.
    /// </summary>
    private static List<string> Validate(IServiceProvider provider, IServiceCollection services)
    {
        var lines = new List<string>();
        var types = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Namespace?.StartsWith("SyncHub", StringComparison.Ordinal) == true)
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in types)
        {
            var monitor = provider.GetRequiredService(typeof(IOptionsMonitor<>).MakeGenericType(type));
            try
            {
                monitor.GetType().GetMethod(nameof(IOptionsMonitor<object>.Get), [typeof(string)])!.Invoke(monitor, [Microsoft.Extensions.Options.Options.DefaultName]);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is OptionsValidationException or InvalidOperationException)
            {
                lines.AddRange(Messages(ex.InnerException));
            }
        }

        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException or InvalidOperationException)
        {
            lines.AddRange(Messages(ex));
        }

        return lines;
    }

    /// <summary>The lines of a configuration exception: each validation failure, each inner exception, a file's cause.</summary>
    public static IEnumerable<string> Messages(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures,
        AggregateException many => many.InnerExceptions.SelectMany(Messages),
        InvalidDataException { InnerException: { } inner } file => [$"{file.Message} {inner.Message}".ReplaceLineEndings(" ")],
        _ => [exception.Message.ReplaceLineEndings(" ")],
    };
}
