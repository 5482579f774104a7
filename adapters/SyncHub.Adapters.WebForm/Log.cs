using Microsoft.Extensions.Logging;

namespace SyncHub.Adapters.WebForm;

internal static partial class Log
{
    [LoggerMessage(8901, LogLevel.Information, "Public form submission from {Address} taken for a bot ({Reason}: {Detail}); nothing stored")]
    public static partial void PublicFormSpam(ILogger logger, string reason, string detail, string address);

    [LoggerMessage(8902, LogLevel.Information, "Public form submission from {Address} refused: {Field} {Detail}")]
    public static partial void PublicFormRefused(ILogger logger, string field, string detail, string address);

    [LoggerMessage(8903, LogLevel.Warning, "The captcha of a public form submission could not be checked: {Reason}")]
    public static partial void CaptchaUnavailable(ILogger logger, string reason);
}
