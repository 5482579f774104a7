using System.Net;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>Zoho CRM answered a records call with an error body (<c>{"code", "details", "message", "status"}</c>).</summary>
public sealed class ZohoApiException : ZohoCrmException
{
    public ZohoApiException()
    {
    }

    public ZohoApiException(string message)
        : base(message)
    {
    }

    public ZohoApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public ZohoApiException(HttpStatusCode status, string? code, string? zohoMessage, string module)
        : base($"Zoho CRM answered {(int)status} {code ?? "(no code)"} reading {module}: {zohoMessage ?? "(no message)"}", code)
    {
        Status = status;
        ZohoMessage = zohoMessage;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The request parameter Zoho's <c>details.param_name</c> blames (e.g. <c>page_token</c>), when it names one.</summary>
    public string? ParamName { get; init; }

    /// <summary>Zoho's own message, e.g. <c>invalid oauth token</c>.</summary>
    public string? ZohoMessage { get; }
}
