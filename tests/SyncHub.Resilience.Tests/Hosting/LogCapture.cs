using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace SyncHub.Resilience.Tests.Hosting;

/// <summary>
/// A Serilog sink the hub picks up through <c>ReadFrom.Services</c>: it keeps every event as the lines an operator
/// could see: the compact JSON (template, every property, exception), the rendered message and the exception text.
/// </summary>
internal sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentQueue<LogEvent> events = new();
    private readonly CompactJsonFormatter json = new();

    public IReadOnlyCollection<string> Lines => lines;

    public IReadOnlyCollection<LogEvent> Events => events;

    /// <summary>The events logged with this EventId (the <c>[LoggerMessage]</c> id).</summary>
    public IReadOnlyList<LogEvent> WithEventId(int id) =>
        [.. events.Where(e => e.Properties.TryGetValue("EventId", out var value)
            && value is StructureValue structure
            && structure.Properties.Any(p => p.Name == "Id" && p.Value is ScalarValue { Value: int found } && found == id))];

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        events.Enqueue(logEvent);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        json.Format(logEvent, writer);
        lines.Enqueue(writer.ToString());
        lines.Enqueue(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
        if (logEvent.Exception is { } exception)
        {
            lines.Enqueue(exception.ToString());
        }
    }

    /// <summary>
    /// Fails naming the secret and the first line that holds it, in any encoding: as is, base64, or URL-encoded in any
    /// way (each line is also searched URL-decoded, which covers upper- and lower-case and partial encodings).
    /// </summary>
    public void AssertNoSecrets(IEnumerable<string>? secrets = null)
    {
        var snapshot = lines.ToArray();
        Assert.NotEmpty(snapshot);
        var decoded = snapshot.Select(Decode).ToArray();
        foreach (var secret in secrets ?? TestSecrets.All)
        {
            var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)).TrimEnd('=');
            var leak = Enumerable.Range(0, snapshot.Length).FirstOrDefault(
                i => snapshot[i].Contains(secret, StringComparison.OrdinalIgnoreCase)
                    || snapshot[i].Contains(base64, StringComparison.Ordinal)
                    || decoded[i].Contains(secret, StringComparison.OrdinalIgnoreCase),
                -1);
            Assert.True(leak < 0, $"the secret {secret} was logged: {(leak < 0 ? "" : snapshot[leak])}");
        }
    }

    private static string Decode(string line)
    {
        try
        {
            return Uri.UnescapeDataString(line);
        }
        catch (UriFormatException)
        {
            return line;
        }
    }

    /// <summary>True when some line holds <paramref name="text"/>.</summary>
    public bool Contains(string text) => lines.Any(l => l.Contains(text, StringComparison.Ordinal));
}
