namespace SyncHub.Resilience.Tests.Fakes;

/// <summary>One message an SMTP client handed over: the envelope recipients (RCPT TO) and the DATA exactly as sent.</summary>
internal sealed record SmtpDelivery(IReadOnlyList<string> Recipients, string Data)
{
    /// <summary>The header block: the DATA up to the first empty line.</summary>
    public string HeaderBlock
    {
        get
        {
            var end = Data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            return end < 0 ? Data : Data[..end];
        }
    }

    /// <summary>The header fields after unfolding, as (name, value) in order.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers
    {
        get
        {
            var fields = new List<(string Name, string Value)>();
            foreach (var line in HeaderBlock.Split("\r\n"))
            {
                if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && fields.Count > 0)
                {
                    var (name, value) = fields[^1];
                    fields[^1] = (name, value + line);
                    continue;
                }

                var colon = line.IndexOf(':', StringComparison.Ordinal);
                fields.Add(colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].Trim()));
            }

            return fields;
        }
    }
}
