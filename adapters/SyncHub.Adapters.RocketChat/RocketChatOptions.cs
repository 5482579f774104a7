using System.ComponentModel.DataAnnotations;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// <c>SyncHub:Adapters:RocketChat</c>: where team-chat alerts go. Either the REST API (<see cref="AdapterOptions.BaseUrl"/>,
/// <see cref="UserId"/>, <see cref="AuthToken"/>: messages carry an id, so a retried post is shown once) or, when only
/// <see cref="WebhookUrl"/> is set, an incoming-webhook integration (which cannot de-duplicate a retried post).
/// </summary>
public sealed class RocketChatOptions : AdapterOptions, IValidatableObject
{
    public RocketChatOptions()
    {
        Timeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>The bot user's id, sent as <c>X-User-Id</c>.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The bot user's personal access token, sent as <c>X-Auth-Token</c>; never logged.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>An incoming-webhook URL (<c>https://chat.example.com/hooks/{id}/{token}</c>); used when no REST credentials are set. Never logged.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The room for events that name none: <c>#channel</c>, <c>channel</c>, or <c>@username</c> for a direct message.</summary>
    public string DefaultChannel { get; set; } = "";

    /// <summary>The agent dashboard's public address; messages link to <c>{DashboardUrl}/#/tickets/{number}</c>.</summary>
    public Uri? DashboardUrl { get; set; }

    /// <summary>The time zone SLA due times are shown in (an IANA id such as <c>America/Sao_Paulo</c>).</summary>
    public string DisplayTimeZone { get; set; } = "UTC";

    /// <summary>True when the REST API is used (credentials set); false for the incoming webhook.</summary>
    public bool UsesRestApi => !string.IsNullOrWhiteSpace(UserId) || !string.IsNullOrWhiteSpace(AuthToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(DisplayTimeZone, out _))
        {
            yield return new ValidationResult("is not a known time zone id", [nameof(DisplayTimeZone)]);
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("must be between 00:00:00 and 00:05:00", [nameof(Timeout)]);
        }

        if (DashboardUrl is { IsAbsoluteUri: false })
        {
            yield return new ValidationResult("must be an absolute URL", [nameof(DashboardUrl)]);
        }

        if (!Enabled)
        {
            yield break;
        }

        if (UsesRestApi)
        {
            if (string.IsNullOrWhiteSpace(UserId))
            {
                yield return new ValidationResult("is required with AuthToken", [nameof(UserId)]);
            }

            if (string.IsNullOrWhiteSpace(AuthToken))
            {
                yield return new ValidationResult("is required with UserId", [nameof(AuthToken)]);
            }

            if (BaseUrl is null || !BaseUrl.IsAbsoluteUri)
            {
                yield return new ValidationResult("is required (the server's address, e.g. https://chat.example.com) when UserId and AuthToken are set", [nameof(BaseUrl)]);
            }

            if (string.IsNullOrWhiteSpace(DefaultChannel))
            {
                yield return new ValidationResult("is required with the REST API: events that name no room go there", [nameof(DefaultChannel)]);
            }
        }
        else if (WebhookUrl is null)
        {
            yield return new ValidationResult("either UserId and AuthToken (REST API) or WebhookUrl (incoming webhook) is required when the adapter is enabled", [nameof(WebhookUrl)]);
        }
        else if (!WebhookUrl.IsAbsoluteUri)
        {
            yield return new ValidationResult("must be an absolute URL", [nameof(WebhookUrl)]);
        }
    }
}
