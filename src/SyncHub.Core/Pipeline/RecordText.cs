using System.Text;
using SyncHub.Domain;

namespace SyncHub.Pipeline;

/// <summary>
/// Normalises a record's text at intake, whatever the channel: single-line fields (subject, requester name, e-mail,
/// phone and handle, product, department hint) lose control characters and line breaks (each becomes a space, runs of
/// them one space) and are trimmed; the body keeps its line breaks and tabs but loses other control characters (NUL).
/// Everything is Unicode NFC, with lone surrogates replaced by U+FFFD first. Ids and the thread key are left as sent:
/// they are the idempotency keys.
/// </summary>
public static class RecordText
{
    public static IntakeRecord Normalize(IntakeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var requester = record.Requester;
        var (subject, body, product, hint) = (SingleLine(record.Subject) ?? "", MultiLine(record.Body), SingleLine(record.Product), SingleLine(record.DepartmentHint));
        var (name, email, phone, handle) = (SingleLine(requester.Name), SingleLine(requester.Email), SingleLine(requester.Phone), SingleLine(requester.Handle));

        // The clean text is the same instance: a record that needs nothing (nearly all) is passed on without a copy.
        var requesterClean = ReferenceEquals(name, requester.Name) && ReferenceEquals(email, requester.Email)
            && ReferenceEquals(phone, requester.Phone) && ReferenceEquals(handle, requester.Handle);
        if (requesterClean && ReferenceEquals(subject, record.Subject) && ReferenceEquals(body, record.Body)
            && ReferenceEquals(product, record.Product) && ReferenceEquals(hint, record.DepartmentHint))
        {
            return record;
        }

        return record with
        {
            Subject = subject,
            Body = body,
            Requester = requesterClean ? requester : new Requester(name, email, phone, handle),
            Product = product,
            DepartmentHint = hint,
        };
    }

    /// <summary>One line: control characters and line separators become one space between words; null stays null.</summary>
    public static string? SingleLine(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (IsClean(value, multiLine: false))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in ValidUtf16(value))
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' || char.IsWhiteSpace(c))
            {
                space = text.Length > 0;
                continue;
            }

            if (space)
            {
                text.Append(' ');
                space = false;
            }

            text.Append(c);
        }

        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Text with its line breaks and tabs; other control characters removed.</summary>
    public static string MultiLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsClean(value, multiLine: true))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        foreach (var c in ValidUtf16(value))
        {
            if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                text.Append(c);
            }
        }

        return text.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True when nothing would change: the common case, checked without allocating.</summary>
    private static bool IsClean(string value, bool multiLine)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c) || (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
            {
                return false;
            }

            if (!multiLine && (c is '\u2028' or '\u2029' || (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == value.Length - 1 || value[i - 1] == ' '))))
            {
                return false;
            }
        }

        return value.IsNormalized(NormalizationForm.FormC);
    }

    /// <summary>The characters of <paramref name="value"/> with each lone surrogate replaced by U+FFFD (NFC refuses them).</summary>
    private static IEnumerable<char> ValidUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                yield return c;
                yield return value[++i];
            }
            else
            {
                yield return char.IsSurrogate(c) ? '\uFFFD' : c;
            }
        }
    }
}
