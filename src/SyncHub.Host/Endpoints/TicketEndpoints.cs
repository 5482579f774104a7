using System.Globalization;
using Microsoft.Extensions.Options;
using SyncHub.Adapters;
using SyncHub.Domain;
using SyncHub.Host.ApiReference;
using SyncHub.Pipeline;
using SyncHub.Storage;

namespace SyncHub.Host.Endpoints;

/// <summary><c>/api/tickets</c>: agents create internal requests, list and read tickets. Every route needs an API key.</summary>
internal static class TicketEndpoints
{
    public const string InternalSource = "Internal";

    private const int MaxNameLength = 200;
    private const int MaxPhoneLength = 64;
    private const int MaxEmailLength = 320;
    private const int MaxSearchLength = 200;

    private static readonly Dictionary<string, TicketSort> SortNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["slaDue"] = TicketSort.SlaDue,
        ["created"] = TicketSort.Created,
        ["updated"] = TicketSort.Updated,
        ["priority"] = TicketSort.Priority,
    };

    public static RouteGroupBuilder MapTickets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tickets").AddEndpointFilter<ApiKeyFilter>().WithTags("Tickets");
        group.MapPost("/", CreateAsync).DescribedAsInternalRequest();
        group.MapGet("/", ListAsync).DescribedAsRead<TicketListAnswer>("List and search tickets");
        group.MapGet("/{id}", GetAsync).DescribedAsRead<Ticket>("One ticket with its history");
        group.MapMerge();
        return group;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context,
        IIntakePipeline pipeline,
        IOptions<PipelineOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (request, problem) = await JsonBody.ReadAsync<InternalRequest>(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            return Problems.Field("subject", "is required");
        }

        if (string.IsNullOrWhiteSpace(request.Message))
        {
            return Problems.Field("message", "is required");
        }

        if (RequestProblem(request) is { } invalid)
        {
            return invalid;
        }

        Priority? priority = null;
        if (!string.IsNullOrWhiteSpace(request.Priority))
        {
            if (!EnumNames.TryParse<Priority>(request.Priority, out var parsed))
            {
                return Problems.Field("priority", "must be High, Medium or Low");
            }

            priority = parsed;
        }

        var (idempotencyKey, keyProblem) = IdempotencyKeyHeader.Read(context.Request);
        if (keyProblem is not null)
        {
            return keyProblem;
        }

        var now = time.GetUtcNow();
        var record = new IntakeRecord
        {
            Source = InternalSource,
            ExternalId = idempotencyKey ?? Guid.CreateVersion7(now).ToString("N"),
            Channel = Channel.Internal,
            Requester = InternalRequesterOf(request, Actor.Of(context)),
            Subject = request.Subject.Trim(),
            Body = request.Message,
            ReceivedAt = now,
            PriorityHint = priority,
        };

        try
        {
            var result = await pipeline.TrySubmitAsync(record, cancellationToken);
            return result is null
                ? Problems.Unavailable(context, settings.RetryAfter, "the intake pipeline is saturated; retry later")
                : IntakeAnswer.From([result]);
        }
        catch (Exception ex) when (ex is StoreUnavailableException or PipelineStoppedException)
        {
            return Problems.Unavailable(context, settings.RetryAfter, "the ticket store is unavailable; retry later");
        }
    }

    /// <summary>
    /// Who the request is for and which agent took it: a signed-in agent is the agent (the body's <c>agent</c> is ignored) and,
    /// without a <c>requester</c>, the requester too; a service key may name the agent in <c>agent</c>.
    /// </summary>
    private static Requester InternalRequesterOf(InternalRequest request, Actor actor)
    {
        if (actor.Agent is not { } agent)
        {
            return new Requester(request.Requester?.Name ?? request.Agent, request.Requester?.Email, request.Requester?.Phone, request.Agent);
        }

        return request.Requester is { } requester && (requester.Name ?? requester.Email ?? requester.Phone) is not null
            ? new Requester(requester.Name ?? agent.Name, requester.Email, requester.Phone, agent.Name)
            : new Requester(agent.Name, agent.Email, null, agent.Name);
    }

    /// <summary>Bounded fields, and a requester e-mail that is one plain address (replies go to it, and to nobody else).</summary>
    private static IResult? RequestProblem(InternalRequest request)
    {
        foreach (var (field, value, limit) in new (string, string?, int)[]
        {
            ("subject", request.Subject, RecordLimits.MaxSubjectLength),
            ("agent", request.Agent, MaxNameLength),
            ("requester.name", request.Requester?.Name, MaxNameLength),
            ("requester.phone", request.Requester?.Phone, MaxPhoneLength),
            ("requester.email", request.Requester?.Email, MaxEmailLength),
        })
        {
            if (value?.Length > limit)
            {
                return Problems.Field(field, $"is longer than {limit} characters");
            }

            if (field != "subject" && value is not null && value.Any(char.IsControl))
            {
                return Problems.Field(field, "must not hold line breaks or control characters");
            }
        }

        if (request.Requester?.Email is { Length: > 0 } email
            && !(System.Net.Mail.MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim()))
        {
            return Problems.Field("requester.email", "must be one e-mail address, e.g. ana@example.com");
        }

        return null;
    }

    private static async Task<IResult> ListAsync(HttpContext context, ITicketStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        if (!TryFilter<Department>(query, "department", out var department, out var problem) ||
            !TryFilter<TicketStatus>(query, "status", out var status, out problem) ||
            !TryFilter<Priority>(query, "priority", out var priority, out problem) ||
            !TryFilter<Channel>(query, "channel", out var channel, out problem))
        {
            return problem!;
        }

        bool? breached = null;
        var breachedText = query["breached"].ToString();
        if (breachedText.Length > 0)
        {
            if (!bool.TryParse(breachedText, out var flag))
            {
                return Problems.Field("breached", "must be true or false");
            }

            breached = flag;
        }

        var sort = TicketSort.SlaDue;
        var sortText = query["sort"].ToString();
        if (sortText.Length > 0 && !SortNames.TryGetValue(sortText, out sort))
        {
            return Problems.Field("sort", "must be slaDue, created, updated or priority");
        }

        var search = query["q"].ToString();
        if (search.Length > MaxSearchLength)
        {
            return Problems.Field("q", $"is longer than {MaxSearchLength} characters");
        }

        var assignee = query["assignee"].ToString().Trim();
        if (assignee.Length > MaxNameLength || assignee.Any(char.IsControl))
        {
            return Problems.Field("assignee", $"must be an agent id or name of at most {MaxNameLength} characters");
        }

        var cursor = query["cursor"].ToString();
        if (!TicketOrder.TryParseCursor(cursor, sort, out _, out _))
        {
            return Problems.Field("cursor", "is not a cursor this API gave out");
        }

        var limit = 50;
        var limitText = query["limit"].ToString();
        if (limitText.Length > 0 &&
            (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > TicketQuery.MaxLimit))
        {
            return Problems.Field("limit", $"must be a number from 1 to {TicketQuery.MaxLimit}");
        }

        var ticketQuery = new TicketQuery
        {
            Department = department,
            Status = status,
            Priority = priority,
            Channel = channel,
            Breached = breached,
            Search = string.IsNullOrWhiteSpace(search) ? null : search,
            Sort = sort,
            Assignees = assignee.Length > 0 ? [assignee] : null,
            Cursor = cursor.Length == 0 ? null : cursor,
            Limit = limit,
        };
        var view = query["view"].ToString();
        if (view.Length > 0 && !TicketViews.TryApply(view, ticketQuery, Mine(Actor.Of(context)), time.GetUtcNow(), out ticketQuery))
        {
            return Problems.Field("view", $"must be one of {string.Join(", ", TicketViews.All)}");
        }

        return await StoreGuard.RunAsync(context, async () =>
        {
            var page = await store.ListAsync(ticketQuery, cancellationToken);
            return Results.Json(new { items = page.Items, next = page.Next }, SyncHubJson.Options);
        });
    }

    /// <summary>Who "mine" means: the calling agent's id and name; nobody for a service key.</summary>
    internal static IReadOnlyList<string> Mine(Actor actor) =>
        actor.Agent is { } agent ? [agent.Id, agent.Name] : [];

    private static async Task<IResult> GetAsync(string id, HttpContext context, ITicketStore store, CancellationToken cancellationToken)
    {
        return await StoreGuard.RunAsync(context, async () =>
        {
            var ticket = await TicketLookup.FindAsync(store, id, cancellationToken);
            return ticket is null
                ? Problems.Status(StatusCodes.Status404NotFound, "Not found", $"no ticket {id}")
                : Results.Json(ticket, SyncHubJson.Options);
        });
    }

    private static bool TryFilter<T>(IQueryCollection query, string name, out T? value, out IResult? problem)
        where T : struct, Enum
    {
        value = null;
        problem = null;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }

        if (EnumNames.TryParse<T>(text, out var parsed))
        {
            value = parsed;
            return true;
        }

        problem = Problems.Field(name, $"must be one of {string.Join(", ", Enum.GetNames<T>())}");
        return false;
    }
}
