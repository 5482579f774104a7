using System.Text;

namespace SyncHub.Adapters.Email.Tests;

/// <summary>Raw sample messages, as a mail client or server would send them (CRLF line ends).</summary>
internal static class Mail
{
    public const string Customer = "Ana Souza <ana@example.com>";
    public const string Support = "support@synchub.test";
    public const string Date = "Mon, 30 Nov 2026 09:15:00 -0300";

    /// <summary>A message from header lines and a body; a header given as <c>null</c> value is left out.</summary>
    public static string Raw(IEnumerable<string> headers, string body)
    {
        var text = new StringBuilder();
        foreach (var header in headers)
        {
            text.Append(header).Append("\r\n");
        }

        text.Append("\r\n").Append(body.ReplaceLineEndings("\r\n"));
        if (!body.EndsWith('\n'))
        {
            text.Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>A text/plain message; <paramref name="messageId"/> null leaves the Message-ID out.</summary>
    public static string Plain(
        string? messageId,
        string subject = "Cannot log in",
        string body = "The desktop app says my password is wrong.",
        string from = Customer,
        params string[] extraHeaders) =>
        Raw(
            [
                $"From: {from}",
                $"To: {Support}",
                $"Subject: {subject}",
                .. messageId is null ? Array.Empty<string>() : [$"Message-ID: <{messageId}>"],
                $"Date: {Date}",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 8bit",
                .. extraHeaders,
            ],
            Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(body)));

    public static string Alternative(string messageId, string text, string html) => Raw(
        [$"From: {Customer}", $"To: {Support}", "Subject: Invoice question", $"Message-ID: <{messageId}>", $"Date: {Date}", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"alt-1\""],
        $"""
        --alt-1
        Content-Type: text/plain; charset=us-ascii

        {text}
        --alt-1
        Content-Type: text/html; charset=us-ascii

        {html}
        --alt-1--
        """);

    public static string HtmlOnly(string messageId, string html) => Raw(
        [$"From: {Customer}", $"To: {Support}", "Subject: Screenshot of the error", $"Message-ID: <{messageId}>", $"Date: {Date}", "MIME-Version: 1.0",
            "Content-Type: text/html; charset=utf-8"],
        html);

    /// <summary>A text part and one base64 attachment of <paramref name="content"/>.</summary>
    public static string WithAttachment(string messageId, string fileName, string mimeType, byte[] content) => Raw(
        [$"From: {Customer}", $"To: {Support}", "Subject: Log attached", $"Message-ID: <{messageId}>", $"Date: {Date}", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"mix-1\""],
        $"""
        --mix-1
        Content-Type: text/plain; charset=us-ascii

        Please find the log attached.
        --mix-1
        Content-Type: {mimeType}; name="{fileName}"
        Content-Disposition: attachment; filename="{fileName}"
        Content-Transfer-Encoding: base64

        {Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks)}
        --mix-1--
        """);

    /// <summary>A bounce: <c>multipart/report; report-type=delivery-status</c> from MAILER-DAEMON.</summary>
    public static string Bounce(string messageId, string from = "Mail Delivery System <MAILER-DAEMON@mx.example.com>") => Raw(
        [$"From: {from}", $"To: {Support}", "Subject: Undelivered Mail Returned to Sender", $"Message-ID: <{messageId}>", $"Date: {Date}", "MIME-Version: 1.0",
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"dsn-1\""],
        """
        --dsn-1
        Content-Type: text/plain; charset=us-ascii

        This is the mail system. Your message could not be delivered.
        --dsn-1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.com

        Final-Recipient: rfc822; nobody@example.com
        Action: failed
        Status: 5.1.1
        --dsn-1--
        """);

    /// <summary>A multipart nested <paramref name="depth"/> levels deep around one text part.</summary>
    public static string DeeplyNested(string messageId, int depth)
    {
        var body = new StringBuilder();
        for (var level = 0; level < depth; level++)
        {
            body.Append($"--b{level}\r\nContent-Type: multipart/mixed; boundary=\"b{level + 1}\"\r\n\r\n");
        }

        body.Append($"--b{depth}\r\nContent-Type: text/plain\r\n\r\nburied text\r\n--b{depth}--\r\n");
        for (var level = depth - 1; level >= 0; level--)
        {
            body.Append($"--b{level}--\r\n");
        }

        return Raw([$"From: {Customer}", $"To: {Support}", "Subject: nested", $"Message-ID: <{messageId}>", $"Date: {Date}", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b0\""], body.ToString());
    }

    /// <summary>A text part followed by <paramref name="count"/> small attachments.</summary>
    public static string ManyParts(string messageId, int count)
    {
        var body = new StringBuilder("--m\r\nContent-Type: text/plain\r\n\r\nmany parts\r\n");
        for (var i = 0; i < count; i++)
        {
            body.Append($"--m\r\nContent-Type: application/octet-stream; name=\"p{i}.bin\"\r\nContent-Disposition: attachment; filename=\"p{i}.bin\"\r\n\r\nx\r\n");
        }

        body.Append("--m--\r\n");
        return Raw([$"From: {Customer}", $"To: {Support}", "Subject: many parts", $"Message-ID: <{messageId}>", $"Date: {Date}", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"m\""], body.ToString());
    }
}
