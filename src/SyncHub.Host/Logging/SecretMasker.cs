using Serilog.Core;
using Serilog.Events;
using SyncHub.Diagnostics;

namespace SyncHub.Host.Logging;

/// <summary>
/// The last line of defence for "secrets are never logged": replaces every configured secret found in a log event's
/// property values (strings, and strings inside lists, structures and dictionaries) with <c>***</c>. Our own messages
/// never pass a secret; this catches what the framework logs at detailed levels: a query string with Facebook's
/// <c>hub.verify_token</c> or a key sent in the URL by mistake (ASP.NET Core's request log), request headers with their
/// raw values (the HTTP client's trace log keeps them as structured properties even where its text is redacted).
/// </summary>
internal sealed class SecretMasker(SecretRegistry registry, Func<LogEvent, bool>? exempt = null) : ILogEventEnricher
{
    public const string Mask = "***";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (registry.Forms.Count == 0 || exempt?.Invoke(logEvent) == true)
        {
            return;
        }

        List<LogEventProperty>? changed = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            var masked = MaskValue(value);
            if (!ReferenceEquals(masked, value))
            {
                (changed ??= []).Add(new LogEventProperty(name, masked));
            }
        }

        foreach (var property in changed ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary>The value with secrets masked; the same instance when it holds none.</summary>
    private LogEventPropertyValue MaskValue(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                var masked = MaskText(text);
                return ReferenceEquals(masked, text) ? value : new ScalarValue(masked);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(MaskValue).ToList();
                return elements.SequenceEqual(sequence.Elements, ReferenceEqualityComparer.Instance) ? value : new SequenceValue(elements);
            case StructureValue structure:
                var properties = structure.Properties.Select(p => (Property: p, Value: MaskValue(p.Value))).ToList();
                return properties.All(p => ReferenceEquals(p.Value, p.Property.Value))
                    ? value
                    : new StructureValue(properties.Select(p => new LogEventProperty(p.Property.Name, p.Value)), structure.TypeTag);
            case DictionaryValue dictionary:
                var entries = dictionary.Elements.Select(e => (Key: e.Key, Value: MaskValue(e.Value), Original: e.Value)).ToList();
                var keys = entries.Select(e => (Key: e.Key, Masked: (ScalarValue)MaskValue(e.Key))).ToList();
                return entries.All(e => ReferenceEquals(e.Value, e.Original)) && keys.All(k => ReferenceEquals(k.Key, k.Masked))
                    ? value
                    : new DictionaryValue(entries.Select((e, i) => new KeyValuePair<ScalarValue, LogEventPropertyValue>(keys[i].Masked, e.Value)));
            default:
                return value;
        }
    }

    /// <summary>True for an event logged with this EventId (a <c>[LoggerMessage]</c> id).</summary>
    public static bool HasEventId(LogEvent logEvent, int id) =>
        logEvent.Properties.TryGetValue("EventId", out var value)
        && value is StructureValue structure
        && structure.Properties.Any(p => p.Name == "Id" && p.Value is ScalarValue { Value: int found } && found == id);

    private string MaskText(string text)
    {
        var result = text;
        foreach (var secret in registry.Forms)
        {
            if (result.Contains(secret, StringComparison.Ordinal))
            {
                result = result.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        // A secret partly URL-encoded (some characters escaped, others not) matches none of its forms: look at the text
        // decoded, and when that holds a secret log the decoded text, masked.
        if (ReferenceEquals(result, text) && text.Contains('%', StringComparison.Ordinal))
        {
            var decoded = Decode(text);
            if (!string.Equals(decoded, text, StringComparison.Ordinal))
            {
                var masked = MaskText(decoded);
                return ReferenceEquals(masked, decoded) ? text : masked;
            }
        }

        return result;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
