using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using SyncHub.Host.Configuration;
using SyncHub.Host.Endpoints;
using SyncHub.Host.Portal;

namespace SyncHub.Host.ApiReference;

/// <summary>
/// Completes the generated OpenAPI document with what the endpoint metadata cannot say: the auth schemes (the API key
/// on every <c>/api/tickets</c> route, the web form's bearer token, the livechat token), each built-in webhook under
/// <c>/api/intake</c> with its own body and credentials, and the routes that are not minimal-API handlers (health,
/// metrics, the public form, the pages, this document).
/// </summary>
internal sealed class HubApiDocument : IOpenApiDocumentTransformer
{
    public const string ApiKeyScheme = "ApiKey";
    public const string FormTokenScheme = "FormToken";
    public const string LivechatTokenScheme = "LivechatToken";
    public const string AgentTokenScheme = "Bearer";

    private const string Json = "application/json";
    private const string ProblemJson = "application/problem+json";
    private const string IntakePath = "/api/intake/{route}";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        document.Info = new OpenApiInfo
        {
            Title = "SyncHub API",
            Version = "v1",
            Description = "The intake hub's HTTP API. JSON is camelCase, enums are their names, errors are RFC 7807 problem bodies naming the bad field in `field`.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyFilter.Header,
                Description = "An agent's personal key (SyncHub:Agents:<id>:KeyHash holds its hash) or a service key (SyncHub:Api:Keys, SyncHub:Api:Services); " +
                    "every /api/ route but intake and the public form needs it or a bearer token (401 without; 429 after repeated failures from one address).",
            },
            [FormTokenScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "SyncHub:Adapters:WebForm:Token, sent by the server that relays the form to /api/intake/web.",
            },
            [LivechatTokenScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-RocketChat-Livechat-Token",
                Description = "SyncHub:Adapters:Livechat:Secret, the token Rocket.Chat's livechat webhook sends.",
            },
        };
        if (context.ApplicationServices.GetService<IOptions<ApiOptions>>()?.Value.Jwt is { Enabled: true } jwt)
        {
            document.Components.SecuritySchemes[AgentTokenScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = $"A JWT of the organisation's identity provider (SyncHub:Api:Jwt) whose {jwt.AgentClaim} claim names an agent's id or e-mail.",
            };
        }

        document.Paths ??= [];
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        await AddSchemaAsync<WebFormBody>(document, context, cancellationToken);
        await AddSchemaAsync<HealthAnswer>(document, context, cancellationToken);
        await AddSchemaAsync<FormTokenAnswer>(document, context, cancellationToken);

        SecureTickets(document);
        AddIntakeRoutes(document);
        AddOtherRoutes(document);
    }

    private static async Task AddSchemaAsync<T>(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
        document.Components!.Schemas![typeof(T).Name] = schema;
    }

    /// <summary>
    /// Every agent and admin route (<c>/api/</c> but intake and the public form) needs a key or, when configured, a JWT
    /// (401 without, 429 after repeated failures); every POST under <c>/api/tickets</c> takes an <c>Idempotency-Key</c>.
    /// </summary>
    private static void SecureTickets(OpenApiDocument document)
    {
        var bearer = document.Components?.SecuritySchemes?.ContainsKey(AgentTokenScheme) == true;
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/api/intake", StringComparison.Ordinal)
                || path.StartsWith("/api/public", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var (method, operation) in item.Operations)
            {
                operation.Security = bearer ? [Requirement(document, ApiKeyScheme), Requirement(document, AgentTokenScheme)] : [Requirement(document, ApiKeyScheme)];
                operation.Responses ??= [];
                operation.Responses[Status(StatusCodes.Status401Unauthorized)] = Problem(document, bearer
                    ? "a valid X-Api-Key header or Authorization: Bearer token is required"
                    : "a valid X-Api-Key header is required");
                operation.Responses[Status(StatusCodes.Status429TooManyRequests)] = Problem(document, "too many failed sign-ins from this address; retry after Retry-After seconds");
                if (method == HttpMethod.Post && path.StartsWith("/api/tickets", StringComparison.Ordinal))
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = IdempotencyKeyHeader.Name,
                        In = ParameterLocation.Header,
                        Description = "A UUID per action, the same on its retries (at most 200 visible ASCII characters): a retry changes nothing.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                    });
                }
            }
        }

        if (document.Paths.TryGetValue("/api/tickets", out var tickets) && tickets.Operations?.GetValueOrDefault(HttpMethod.Get) is { } list)
        {
            list.Parameters ??= [];
            foreach (var (name, description) in new[]
            {
                ("q", "words, all of which must match (prefix per word): number, requester name, e-mail, phone, account, subject, body"),
                ("sort", "slaDue (default: nearest live SLA due first, none last), created, updated (newest first) or priority (High first, then slaDue)"),
                ("view", "mine, unassigned, customer-replied, at-risk, breached or department:<Department> (open work only)"),
                ("assignee", "an agent id or name"),
                ("department", "PaidSupport, Trials or Community"),
                ("status", "Open, Pending, Solved or Closed"),
                ("priority", "High, Medium or Low"),
                ("channel", "the channel's name (Web, Email, Phone, ...)"),
                ("breached", "true or false"),
                ("limit", "1-200, default 50"),
                ("cursor", "the next of the previous page"),
            })
            {
                list.Parameters.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
            }
        }
    }

    /// <summary>Each built-in webhook at its own path, with the generic route's answers and its own body and credentials.</summary>
    private static void AddIntakeRoutes(OpenApiDocument document)
    {
        var generic = document.Paths.GetValueOrDefault(IntakePath)?.Operations?.GetValueOrDefault(HttpMethod.Post);
        if (generic is null)
        {
            return;
        }

        // A copy of the generic route's operation (its answers), without its operation id, which must stay unique.
        OpenApiOperation Webhook(string summary, string description, IOpenApiSchema body, OpenApiSecurityRequirement? security, params OpenApiParameter[] headers) =>
            new(generic)
            {
                Summary = summary,
                Description = description,
                OperationId = null,
                Parameters = [.. headers],
                RequestBody = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Schema = body } } },
                Security = security is null ? null : [security],
            };

        var anyObject = new OpenApiSchema { Type = JsonSchemaType.Object, Description = "the tool's own webhook payload" };
        Add(document, "/api/intake/web", HttpMethod.Post, Webhook(
            "Web form relayed by a server",
            "The support-portal or website form, relayed by a server with the form token. 201 created, 200 duplicate (same submissionId).",
            new OpenApiSchemaReference(nameof(WebFormBody), document),
            Requirement(document, FormTokenScheme)));
        Add(document, "/api/intake/livechat", HttpMethod.Post, Webhook(
            "Rocket.Chat livechat offline message",
            "Rocket.Chat's livechat webhook (offline messages); answered 200.",
            anyObject,
            Requirement(document, LivechatTokenScheme)));
        Add(document, "/api/intake/facebook", HttpMethod.Post, Webhook(
            "Facebook page events",
            "Messenger messages and feed comments, signed by Facebook with the app secret.",
            anyObject,
            null,
            Header("X-Hub-Signature-256", "sha256=<HMAC-SHA256 of the raw body keyed with SyncHub:Adapters:Facebook:AppSecret>")));
        Add(document, "/api/intake/freshcaller", HttpMethod.Post, Webhook(
            "Freshcaller call",
            "A finished call (besides polling); the secret header is SyncHub:Adapters:Freshcaller:WebhookSecretHeader.",
            anyObject,
            null));

        var handshake = new OpenApiOperation
        {
            Summary = "Facebook webhook handshake",
            Description = "hub.mode=subscribe with the configured verify token is answered 200 with hub.challenge as text; anything else 403.",
            Parameters =
            [
                Query("hub.mode", "subscribe"),
                Query("hub.verify_token", "SyncHub:Adapters:Facebook:VerifyToken"),
                Query("hub.challenge", "echoed back"),
            ],
            Responses = new OpenApiResponses
            {
                [Status(StatusCodes.Status200OK)] = Text("hub.challenge", "text/plain"),
                [Status(StatusCodes.Status403Forbidden)] = Problem(document, "wrong mode or verify token"),
                [Status(StatusCodes.Status404NotFound)] = Problem(document, "the Facebook adapter is off"),
            },
        };
        Add(document, "/api/intake/facebook", HttpMethod.Get, handshake);
    }

    private static void AddOtherRoutes(OpenApiDocument document)
    {
        Add(document, "/health/live", HttpMethod.Get, Operation("Health", "The process runs", new OpenApiResponses
        {
            [Status(StatusCodes.Status200OK)] = JsonAnswer(document, nameof(HealthAnswer), "the process runs"),
        }));
        Add(document, "/health/ready", HttpMethod.Get, Operation("Health", "The store answers and the pipeline runs", new OpenApiResponses
        {
            [Status(StatusCodes.Status200OK)] = JsonAnswer(document, nameof(HealthAnswer), "ready (Healthy or Degraded); per-check JSON"),
            [Status(StatusCodes.Status503ServiceUnavailable)] = JsonAnswer(document, nameof(HealthAnswer), "not ready; per-check JSON"),
        }));
        Add(document, "/metrics", HttpMethod.Get, Operation("Health", "Prometheus metrics", new OpenApiResponses
        {
            [Status(StatusCodes.Status200OK)] = Text("Prometheus text format", "text/plain"),
        }));
        Add(document, ApiDocumentation.DocumentPath, HttpMethod.Get, Operation("Reference", "This document", new OpenApiResponses
        {
            [Status(StatusCodes.Status200OK)] = Text("the OpenAPI document", Json),
        }));

        var submit = Operation("Public form", "The web form posted by a visitor's browser", new OpenApiResponses
        {
            [Status(StatusCodes.Status201Created)] = JsonAnswer(document, nameof(IntakeItem), "stored (a script's request)"),
            [Status(StatusCodes.Status200OK)] = JsonAnswer(document, nameof(IntakeItem), "a replay (a script's request)"),
            [Status(StatusCodes.Status303SeeOther)] = new OpenApiResponse { Description = "a plain HTML form: on to the thank-you page" },
            [Status(StatusCodes.Status400BadRequest)] = Problem(document, "a bad field, named in field"),
            [Status(StatusCodes.Status403Forbidden)] = Problem(document, "an origin that may not post the form"),
            [Status(StatusCodes.Status404NotFound)] = Problem(document, "the public form is off"),
            [Status(StatusCodes.Status413PayloadTooLarge)] = Problem(document, "over SyncHub:Pipeline:MaxBodyBytes"),
            [Status(StatusCodes.Status429TooManyRequests)] = Problem(document, "over the limits per address or e-mail; Retry-After"),
            [Status(StatusCodes.Status503ServiceUnavailable)] = Problem(document, "saturated or the store is down; Retry-After"),
        });
        var form = new OpenApiMediaType { Schema = new OpenApiSchemaReference(nameof(WebFormBody), document) };
        submit.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { [Json] = form, ["application/x-www-form-urlencoded"] = form, ["multipart/form-data"] = form },
        };
        Add(document, PublicFormEndpoints.SubmitPath, HttpMethod.Post, submit);
        Add(document, PublicFormEndpoints.SubmitPath + "/form-token", HttpMethod.Get, Operation("Public form", "A signed form token for a page of an allowed origin", new OpenApiResponses
        {
            [Status(StatusCodes.Status200OK)] = JsonAnswer(document, nameof(FormTokenAnswer), "the hidden field's name and its token"),
            [Status(StatusCodes.Status404NotFound)] = Problem(document, "the public form is off"),
        }));
        foreach (var (path, summary) in new[] { ("/", "The agent dashboard"), ("/support", "The hosted support form"), ("/support/thanks", "The support form's confirmation") })
        {
            Add(document, path, HttpMethod.Get, Operation("Pages", summary, new OpenApiResponses { [Status(StatusCodes.Status200OK)] = Text("an HTML page", "text/html") }));
        }
    }

    private static void Add(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        if (!document.Paths.TryGetValue(path, out var item))
        {
            item = new OpenApiPathItem();
            document.Paths[path] = item;
        }

        var operations = ((OpenApiPathItem)item).Operations ??= [];
        operations[method] = operation;
    }

    private static OpenApiOperation Operation(string tag, string summary, OpenApiResponses responses) => new()
    {
        Summary = summary,
        Tags = new HashSet<OpenApiTagReference> { new(tag) },
        Responses = responses,
    };

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static OpenApiParameter Header(string name, string description) =>
        new() { Name = name, In = ParameterLocation.Header, Required = true, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static OpenApiParameter Query(string name, string description) =>
        new() { Name = name, In = ParameterLocation.Query, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static string Status(int status) => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static OpenApiResponse Text(string description, string contentType) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
    };

    private static OpenApiResponse JsonAnswer(OpenApiDocument document, string schema, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Schema = new OpenApiSchemaReference(schema, document) } },
    };

    private static OpenApiResponse Problem(OpenApiDocument document, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) } },
    };
}
