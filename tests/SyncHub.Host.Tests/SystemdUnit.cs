namespace SyncHub.Host.Tests;

/// <summary>
/// A systemd unit file read the way systemd reads it: <c>[Section]</c> headers, <c>Key=Value</c> lines, comments
/// (<c>#</c>, <c>;</c>) and blank lines skipped, a key repeated keeps every value in order.
/// </summary>
internal sealed class SystemdUnit
{
    private readonly List<(string Section, string Key, string Value)> entries = [];

    private SystemdUnit()
    {
    }

    public IReadOnlyList<(string Section, string Key, string Value)> Entries => entries;

    public static SystemdUnit Read(string path)
    {
        var unit = new SystemdUnit();
        string? section = null;
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (section is null || equals <= 0)
            {
                throw new FormatException($"{path}:{number}: not a section header nor Key=Value in a section: {raw}");
            }

            unit.entries.Add((section, line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }

        return unit;
    }

    /// <summary>The last value of <paramref name="key"/> in <paramref name="section"/> (the one systemd uses), or null.</summary>
    public string? Value(string section, string key) =>
        entries.LastOrDefault(e => e.Section == section && e.Key == key).Value;
}
