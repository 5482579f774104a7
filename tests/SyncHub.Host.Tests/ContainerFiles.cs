using System.Text.Json;
using System.Text.RegularExpressions;

namespace SyncHub.Host.Tests;

/// <summary>
/// What the container files say, read the way Docker reads them: the Dockerfile's final stage (ENV, EXPOSE,
/// HEALTHCHECK, ENTRYPOINT) and the compose file's <c>synchub</c> service (ports, environment, stop_grace_period,
/// build). The compose file is read line by line: it is the small, two-space-indented file the repository ships.
/// </summary>
internal sealed partial class ContainerFiles
{
    private ContainerFiles()
    {
    }

    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

    public List<int> Exposed { get; } = [];

    public string[] HealthCheck { get; private set; } = [];

    public string[] EntryPoint { get; private set; } = [];

    public List<string> ComposePorts { get; } = [];

    public Dictionary<string, string> ComposeEnvironment { get; } = new(StringComparer.Ordinal);

    public List<string> ComposeHealthCheck { get; } = [];

    public string StopGracePeriod { get; private set; } = "";

    public string BuildContext { get; private set; } = "";

    public string Dockerfile { get; private set; } = "";

    public static ContainerFiles Read()
    {
        var files = new ContainerFiles();
        files.ReadDockerfile(Path.Combine(Repository.Root, "compose", "Dockerfile"));
        files.ReadCompose(Path.Combine(Repository.Root, "compose", "docker-compose.yml"));
        return files;
    }

    private void ReadDockerfile(string path)
    {
        // Join continuation lines, keep only the final stage (what the image runs).
        var text = File.ReadAllText(path).Replace("\\\n", " ", StringComparison.Ordinal);
        var instructions = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var last = instructions.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal));
        foreach (var line in instructions.Skip(last))
        {
            if (line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                foreach (Match pair in EnvPair().Matches(line[4..]))
                {
                    Env[pair.Groups[1].Value] = pair.Groups[2].Value;
                }
            }
            else if (line.StartsWith("EXPOSE ", StringComparison.Ordinal))
            {
                Exposed.AddRange(line[7..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal))
            {
                HealthCheck = JsonSerializer.Deserialize<string[]>(line[(line.IndexOf("CMD ", StringComparison.Ordinal) + 4)..])!;
            }
            else if (line.StartsWith("ENTRYPOINT ", StringComparison.Ordinal))
            {
                EntryPoint = JsonSerializer.Deserialize<string[]>(line[11..])!;
            }
        }
    }

    private void ReadCompose(string path)
    {
        string? service = null;
        string? block = null;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.TrimEnd();
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            var content = line.Trim();
            if (indent == 0)
            {
                service = null;
                continue;
            }

            if (indent == 2)
            {
                service = content.TrimEnd(':');
                continue;
            }

            if (service != "synchub")
            {
                continue;
            }

            if (indent == 4)
            {
                var (key, value) = Split(content);
                block = value.Length == 0 ? key : null;
                switch (key)
                {
                    case "stop_grace_period":
                        StopGracePeriod = value;
                        break;
                    case "healthcheck" when value.Length > 0:
                        ComposeHealthCheck.Add(value);
                        break;
                }

                continue;
            }

            switch (block)
            {
                case "ports":
                    ComposePorts.Add(Unquote(content.TrimStart('-', ' ')));
                    break;
                case "environment":
                    var (name, setting) = Split(content);
                    ComposeEnvironment[name] = Unquote(setting);
                    break;
                case "healthcheck":
                    ComposeHealthCheck.Add(content);
                    break;
                case "build":
                    var (buildKey, buildValue) = Split(content);
                    if (buildKey == "context")
                    {
                        BuildContext = buildValue;
                    }
                    else if (buildKey == "dockerfile")
                    {
                        Dockerfile = buildValue;
                    }

                    break;
            }
        }
    }

    private static (string Key, string Value) Split(string content)
    {
        var colon = content.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (content, "") : (content[..colon].Trim(), content[(colon + 1)..].Trim());
    }

    private static string Unquote(string value) => value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;

    [GeneratedRegex("""([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)""")]
    private static partial Regex EnvPair();
}
