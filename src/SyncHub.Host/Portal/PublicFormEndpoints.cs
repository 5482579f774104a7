using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Adapters.WebForm;
using SyncHub.Diagnostics;
using SyncHub.Host.Endpoints;
using SyncHub.Pipeline;

namespace SyncHub.Host.Portal;

/// <summary>
/// The web form's public mode (<c>SyncHub:Adapters:WebForm:Public</c>): <c>POST /api/public/web</c> takes a form from a
/// visitor's browser (JSON, URL-encoded or multipart) from the hub's own or an allowed origin (CORS preflight answered),
/// limited per address and per e-mail (429 with Retry-After), guarded by the adapter's checks (honeypot, fill time,
/// captcha); a plain HTML form is sent on with 303 See Other, a script gets the JSON answer of <c>/api/intake/web</c>.
/// <c>GET /support</c> is the hosted form, <c>GET /support/thanks</c> its confirmation,
/// <c>GET /api/public/web/form-token</c> a form token for other pages.
/// </summary>
internal static class PublicFormEndpoints
{
    public const string SubmitPath = "/api/public/web";
    public const string CorsPolicy = "public-form";
    private const int MaxFields = 40;

    public static IServiceCollection AddPublicForm(this IServiceCollection services)
    {
        services.AddSingleton<PublicFormOrigins>();
        services.AddSingleton<PublicFormLimits>();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<PublicFormOrigins>((cors, origins) => cors.AddPolicy(CorsPolicy, policy => policy
                .SetIsOriginAllowed(origins.IsListed)
                .WithMethods("POST", "GET")
                .WithHeaders("Content-Type", "Accept")
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PublicFormLimits.PolicyName, PublicFormLimits.PerAddress);
            limiter.OnRejected = (context, cancellationToken) =>
            {
                var wait = PublicFormLimits.RetryAfter(context.Lease);
                return new ValueTask(TooManyAsync(context.HttpContext, wait, "too many requests from this address"));
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPublicForm(this IEndpointRouteBuilder app)
    {
        app.MapPost(SubmitPath, SubmitAsync).RequireCors(CorsPolicy).RequireRateLimiting(PublicFormLimits.PolicyName).DisableAntiforgery().ExcludeFromDescription();
        app.MapGet(SubmitPath + "/form-token", FormToken).RequireCors(CorsPolicy).ExcludeFromDescription();
        app.MapGet("/support", SupportPage).ExcludeFromDescription();
        app.MapGet("/support/thanks", ThanksPage).ExcludeFromDescription();
        return app;
    }

    private static async Task SubmitAsync(
        HttpContext context,
        IIntakePipeline pipeline,
        IOptions<PipelineOptions> pipelineOptions,
        PublicFormOrigins origins,
        PublicFormLimits limits,
        SyncHubMetrics metrics,
        RequestLoggers loggers,
        CancellationToken cancellationToken)
    {
        var intake = context.RequestServices.GetService<PublicFormIntake>();
        if (intake is not { Settings.Enabled: true })
        {
            await Problems.Status(StatusCodes.Status404NotFound, "Not found", "the public web form is off (SyncHub:Adapters:WebForm:Public:Enabled)").ExecuteAsync(context);
            return;
        }

        var logger = loggers.PublicForm;
        async Task RefuseAsync(int status, string field, string detail)
        {
            metrics.Rejected(WebFormSource.SourceName);
            Log.WebhookRejected(logger, WebFormSource.SourceName, status, field, detail);
            await AnswerProblemAsync(context, intake.Settings, status, field, detail);
        }

        if (!origins.IsAllowed(context.Request))
        {
            await RefuseAsync(StatusCodes.Status403Forbidden, "Origin", "this page's origin may not post the support form");
            return;
        }

        var settings = pipelineOptions.Value;
        var body = await RequestBody.ReadAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            await RefuseAsync(StatusCodes.Status413PayloadTooLarge, "body", $"larger than {settings.MaxBodyBytes} bytes");
            return;
        }

        var (fields, problem) = await ReadFieldsAsync(context.Request, body.Value, cancellationToken);
        if (problem is not null)
        {
            await RefuseAsync(StatusCodes.Status400BadRequest, problem.Value.Field, problem.Value.Detail);
            return;
        }

        var remote = context.Connection.RemoteIpAddress?.ToString();
        var verdict = await intake.ReadAsync(fields!, context.Request.Headers.Origin.ToString(), remote, cancellationToken);
        switch (verdict)
        {
            case WebhookResult.Rejected rejected:
                await RefuseAsync(rejected.Status, rejected.Field ?? "body", rejected.Detail ?? rejected.Title);
                return;
            case WebhookResult.Accepted { Records.Count: 0 }:
                // Taken for a bot: answered as if stored, so it learns nothing.
                await AnswerStoredAsync(context, intake.Settings, null);
                return;
            case WebhookResult.Accepted accepted:
                if (accepted.Records[0].Requester.Email is { } email && limits.TryTake(email) is { } wait)
                {
                    metrics.Rejected(WebFormSource.SourceName);
                    Log.WebhookRejected(logger, WebFormSource.SourceName, StatusCodes.Status429TooManyRequests, "email", "too many requests from this e-mail address");
                    await TooManyAsync(context, wait, "too many requests from this e-mail address");
                    return;
                }

                var (results, failure) = await IntakeEndpoints.SubmitAllAsync(context, WebFormSource.SourceName, accepted.Records, pipeline, settings, logger, cancellationToken);
                if (failure is not null)
                {
                    await failure.ExecuteAsync(context);
                    return;
                }

                if (WantsJson(context.Request) || results![0].Outcome == IntakeOutcome.DeadLettered)
                {
                    await IntakeAnswer.From(results!).ExecuteAsync(context);
                    return;
                }

                await AnswerStoredAsync(context, intake.Settings, results[0].Number);
                return;
            default:
                throw new InvalidOperationException($"Unexpected verdict {verdict.GetType().Name}");
        }
    }

    /// <summary>The fields of a JSON, URL-encoded or multipart body (files are ignored); or the problem naming what is wrong.</summary>
    private static async Task<(IReadOnlyDictionary<string, string>? Fields, (string Field, string Detail)? Problem)> ReadFieldsAsync(
        HttpRequest request, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var type = request.ContentType ?? "";
        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, ("body", "must be a JSON object"));
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in json.RootElement.EnumerateObject().Take(MaxFields))
                {
                    fields[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                        JsonValueKind.Null => "",
                        _ => throw new JsonException($"{property.Name} must be a string"),
                    };
                }

                return (fields, null);
            }
            catch (JsonException ex)
            {
                return (null, ("body", $"is not a JSON form: {ex.Message}"));
            }
        }

        if (!request.HasFormContentType)
        {
            return (null, ("Content-Type", "must be application/x-www-form-urlencoded, multipart/form-data or application/json"));
        }

        // The body is already read (within the size limit): parse it from memory, fields only, a bounded number of them.
        request.Body = new MemoryStream(body.ToArray(), writable: false);
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { ValueCountLimit = MaxFields, MultipartBodyLengthLimit = body.Length + 1 }));
        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, ("body", $"is not a readable form: {ex.Message}"));
        }
    }

    // The web form's services exist only while its adapter is enabled: every handler here looks them up instead of
    // taking them as parameters (which minimal APIs would otherwise take for a body and fail every route with).
    private static IResult FormToken(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return context.RequestServices.GetService<PublicFormIntake>() is { Settings.Enabled: true }
            ? Results.Json(new { field = FormTokens.Field, token = context.RequestServices.GetRequiredService<FormTokens>().Issue() })
            : Problems.Status(StatusCodes.Status404NotFound, "Not found", "the public web form is off (SyncHub:Adapters:WebForm:Public:Enabled)");
    }

    private static IResult SupportPage(HttpContext context)
    {
        if (context.RequestServices.GetService<PublicFormIntake>() is not { Settings: { Enabled: true, Portal.Enabled: true } settings })
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not found", "the hosted support form is off (SyncHub:Adapters:WebForm:Public:Enabled, Public:Portal:Enabled)");
        }

        var token = context.RequestServices.GetRequiredService<FormTokens>().Issue();
        return Html(context, settings, nonce => PortalPage.Form(settings, token, SubmitPath, nonce), StatusCodes.Status200OK);
    }

    private static IResult ThanksPage(HttpContext context, string? ticket)
    {
        if (context.RequestServices.GetService<PublicFormIntake>() is not { Settings.Enabled: true } intake)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not found", "the public web form is off (SyncHub:Adapters:WebForm:Public:Enabled)");
        }

        long? number = long.TryParse(ticket, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return Html(context, intake.Settings, nonce => PortalPage.Thanks(intake.Settings.Portal, number, nonce), StatusCodes.Status200OK);
    }

    private static Task AnswerStoredAsync(HttpContext context, PublicFormOptions settings, long? number)
    {
        if (WantsJson(context.Request))
        {
            return Results.Json(new { accepted = true, number }, statusCode: StatusCodes.Status200OK).ExecuteAsync(context);
        }

        var shown = number?.ToString(CultureInfo.InvariantCulture) ?? "";
        var location = settings.ThankYouUrl.Length > 0
            ? settings.ThankYouUrl.Replace("{number}", shown, StringComparison.Ordinal)
            : "/support/thanks" + (number is null ? "" : "?ticket=" + shown);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static Task AnswerProblemAsync(HttpContext context, PublicFormOptions settings, int status, string field, string detail)
    {
        if (WantsJson(context.Request))
        {
            return Problems.Field(field, detail, status).ExecuteAsync(context);
        }

        var back = context.Request.Headers.Referer.ToString() is { Length: > 0 } referer && Uri.TryCreate(referer, UriKind.Absolute, out var uri)
            && uri.Scheme is "https" or "http" ? uri.AbsoluteUri : "/support";
        return Html(context, settings, nonce => PortalPage.Error(settings.Portal, $"{Label(field)}: {detail}", back, nonce), status).ExecuteAsync(context);
    }

    private static Task TooManyAsync(HttpContext context, TimeSpan wait, string detail)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var settings = context.RequestServices.GetService<PublicFormIntake>()?.Settings ?? new PublicFormOptions();
        return AnswerProblemAsync(context, settings, StatusCodes.Status429TooManyRequests, "request", $"{detail}; try again in {seconds} s");
    }

    /// <summary>A script asks for JSON (<c>Accept</c>) or sends it; a plain HTML form does neither.</summary>
    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
        || (request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    private static IResult Html(HttpContext context, PublicFormOptions settings, Func<string, string> page, int status)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PortalPage.ContentSecurityPolicy(settings, nonce);
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.CacheControl = "no-store";
        return Results.Content(page(nonce), "text/html; charset=utf-8", statusCode: status);
    }

    private static string Label(string field) => field switch
    {
        "formToken" => "Form",
        "Origin" => "Page",
        "request" => "Too many requests",
        _ => field,
    };
}
