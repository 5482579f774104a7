using System.Text;
using MimeKit.Text;

namespace SyncHub.Adapters.Email;

/// <summary>
/// Turns an HTML mail body into readable plain text with MimeKit's <see cref="HtmlTokenizer"/>: text nodes with
/// entities decoded, line breaks for block elements, list items as <c>- </c>, no script, style or head content.
/// </summary>
internal static class HtmlText
{
    private static readonly HashSet<HtmlTagId> Hidden = [HtmlTagId.Script, HtmlTagId.Style, HtmlTagId.Head, HtmlTagId.Title, HtmlTagId.NoScript];

    private static readonly HashSet<HtmlTagId> Blocks =
    [
        HtmlTagId.P, HtmlTagId.Div, HtmlTagId.Table, HtmlTagId.TR, HtmlTagId.UL, HtmlTagId.OL, HtmlTagId.LI, HtmlTagId.BlockQuote,
        HtmlTagId.Pre, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3, HtmlTagId.H4, HtmlTagId.H5, HtmlTagId.H6, HtmlTagId.HR,
        HtmlTagId.Body, HtmlTagId.Address, HtmlTagId.DL, HtmlTagId.DT, HtmlTagId.DD, HtmlTagId.Center, HtmlTagId.Form, HtmlTagId.Section, HtmlTagId.Article, HtmlTagId.Header, HtmlTagId.Footer, HtmlTagId.Caption,
    ];

    /// <summary>The text of <paramref name="html"/>; stops reading once <paramref name="maxChars"/> characters were produced.</summary>
    public static string Convert(string html, int maxChars = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder();
        var hidden = 0;
        var pendingSpace = false;
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        while (text.Length < maxChars && tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when Hidden.Contains(tag.Id):
                    if (tag.IsEndTag)
                    {
                        hidden = Math.Max(0, hidden - 1);
                    }
                    else if (!tag.IsEmptyElement)
                    {
                        hidden++;
                    }

                    break;
                case HtmlTagToken tag when tag.Id == HtmlTagId.Br:
                    NewLine(text, force: true);
                    pendingSpace = false;
                    break;
                case HtmlTagToken tag when Blocks.Contains(tag.Id):
                    NewLine(text, force: false);
                    pendingSpace = false;
                    if (tag.Id == HtmlTagId.LI && !tag.IsEndTag)
                    {
                        text.Append("- ");
                    }

                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.TD or HtmlTagId.TH && !tag.IsEndTag:
                    pendingSpace = true;
                    break;
                case HtmlDataToken data when hidden == 0 && token.Kind == HtmlTokenKind.Data:
                    pendingSpace = AppendCollapsed(text, data.Data, pendingSpace);
                    break;
                default:
                    break;
            }
        }

        return Tidy(text.ToString());
    }

    /// <summary>Appends text with runs of white space collapsed to one space; returns whether a space is owed.</summary>
    private static bool AppendCollapsed(StringBuilder text, string data, bool pendingSpace)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && text.Length > 0 && text[^1] != '\n')
            {
                text.Append(' ');
            }

            pendingSpace = false;
            text.Append(c);
        }

        return pendingSpace;
    }

    private static void NewLine(StringBuilder text, bool force)
    {
        if (force || (text.Length > 0 && text[^1] != '\n'))
        {
            text.Append('\n');
        }
    }

    /// <summary>Trims every line and keeps at most one blank line in a row.</summary>
    private static string Tidy(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank <= 1)
            {
                result.Append(line).Append('\n');
            }
        }

        return result.ToString().Trim();
    }
}
