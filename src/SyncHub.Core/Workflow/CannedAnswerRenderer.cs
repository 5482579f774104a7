using System.Globalization;
using System.Text.RegularExpressions;
using SyncHub.Domain;

namespace SyncHub.Workflow;

/// <summary>
/// Fills a canned answer's placeholders for one ticket: <c>{{requester.name}}</c> (the requester's name, else the
/// account's, else "there"), <c>{{ticket.number}}</c> and <c>{{agent.name}}</c> (the agent answering). A placeholder it
/// does not know, or cannot fill (no agent behind a service key), is left as written and named in the warnings.
/// </summary>
public static partial class CannedAnswerRenderer
{
    public static RenderedAnswer Render(string body, Ticket ticket, string? agentName)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(ticket);
        var unfilled = new List<string>();
        var text = Placeholder().Replace(body, match =>
        {
            var name = match.Groups[1].Value;
            var value = name.ToLowerInvariant() switch
            {
                "requester.name" => Blank(ticket.Requester.Name) ?? Blank(ticket.Account?.Name) ?? "there",
                "ticket.number" => ticket.Number.ToString(CultureInfo.InvariantCulture),
                "agent.name" => Blank(agentName),
                _ => null,
            };
            if (value is null && !unfilled.Contains(name, StringComparer.Ordinal))
            {
                unfilled.Add(name);
            }

            return value ?? match.Value;
        });
        return new(text, unfilled);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"\{\{\s*([^{}\s]{1,100})\s*\}\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}

/// <summary>A canned answer filled for a ticket, and the placeholders left as written.</summary>
public sealed record RenderedAnswer(string Text, IReadOnlyList<string> Unfilled);
