using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using RestSharp;

namespace SyncHub.Adapters.WebForm;

/// <summary>
/// Checks a captcha answer with the siteverify protocol hCaptcha and Turnstile share: a form POST of <c>secret</c>,
/// <c>response</c> and <c>remoteip</c> to the verify URL, answered <c>{"success": bool, "error-codes": [...]}</c>.
/// </summary>
public sealed class CaptchaVerifier(IHttpClientFactory httpClients, IOptionsMonitor<WebFormOptions> options)
{
    /// <summary>The named HTTP client of the verify calls.</summary>
    public const string ClientName = "WebForm.Captcha";

    /// <summary>The verdict: passed, or why not; <see cref="Unavailable"/> when the verify service did not answer usefully.</summary>
    public sealed record Verdict(bool Passed, bool Unavailable, string Reason);

    public async Task<Verdict> VerifyAsync(string? answer, string? remoteAddress, CancellationToken cancellationToken)
    {
        var captcha = options.CurrentValue.Public.Captcha;
        if (string.IsNullOrWhiteSpace(answer))
        {
            return new Verdict(false, false, "the captcha was not solved");
        }

        var request = new RestRequest("", Method.Post)
            .AddParameter("secret", captcha.Secret, ParameterType.GetOrPost)
            .AddParameter("response", answer, ParameterType.GetOrPost);
        if (!string.IsNullOrEmpty(remoteAddress))
        {
            request.AddParameter("remoteip", remoteAddress, ParameterType.GetOrPost);
        }

        if (!string.IsNullOrEmpty(captcha.SiteKey))
        {
            request.AddParameter("sitekey", captcha.SiteKey, ParameterType.GetOrPost);
        }

        using var client = ToolHttp.CreateRestClient(httpClients, ClientName, captcha.VerifyUrl!);
        var response = await client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (response.ResponseStatus != ResponseStatus.Completed || !response.IsSuccessStatusCode)
        {
            return new Verdict(false, true, response.ResponseStatus != ResponseStatus.Completed
                ? $"the captcha service did not answer: {response.ErrorException?.Message ?? response.ErrorMessage}"
                : $"the captcha service answered HTTP {(int)response.StatusCode}");
        }

        SiteVerifyAnswer? verdict;
        try
        {
            verdict = JsonSerializer.Deserialize<SiteVerifyAnswer>(response.Content ?? "");
        }
        catch (JsonException)
        {
            verdict = null;
        }

        return verdict switch
        {
            null => new Verdict(false, true, "the captcha service answered with a body that is not a siteverify answer"),
            { Success: true } => new Verdict(true, false, "passed"),
            _ => new Verdict(false, false, $"the captcha was not accepted ({string.Join(", ", verdict.ErrorCodes ?? ["no reason given"])})"),
        };
    }

    private sealed record SiteVerifyAnswer(
        [property: JsonPropertyName("success")] bool Success,
        [property: JsonPropertyName("error-codes")] string[]? ErrorCodes);
}
