namespace SyncHub.Host.Commands;

/// <summary>
/// A command's own arguments (its options and positional values) apart from the host's (<c>--environment X</c>,
/// <c>--SyncHub:Store=Redis</c>, <c>--urls ...</c>), which go to the configuration as for a normal start.
/// </summary>
internal sealed record CommandArguments(
    IReadOnlyList<string> Positional,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<string> HostArgs)
{
    /// <summary>Parses <paramref name="args"/>; <paramref name="own"/> are the command's options, each taking one value.</summary>
    public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> own, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        error = null;
        var positional = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var host = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (own.Contains(name))
            {
                if (equals >= 0)
                {
                    options[name] = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    options[name] = args[++i];
                }
                else
                {
                    error = $"{name} needs a value";
                }

                continue;
            }

            host.Add(arg);
            if (equals < 0 && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                host.Add(args[++i]);
            }
        }

        return new CommandArguments(positional, options, host);
    }

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;
}
