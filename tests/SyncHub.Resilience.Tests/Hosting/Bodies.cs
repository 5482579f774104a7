using System.Text;
using System.Text.Json.Nodes;

namespace SyncHub.Resilience.Tests.Hosting;

/// <summary>
/// Valid request bodies for each intake route, as the tools send them, and the paths of their text fields, so a test
/// can put a hostile value into any one field.
/// </summary>
internal static class Bodies
{
    public const string PageId = "106358284731337";

    /// <summary>The intake routes and the text fields of each body (dotted paths, array items by index).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> TextFields = new Dictionary<string, string[]>
    {
        ["web"] = ["name", "email", "subject", "message", "priority", "product", "clientVersion", "submissionId"],
        ["facebook"] =
        [
            "entry.0.id", "entry.0.messaging.0.sender.id", "entry.0.messaging.0.recipient.id", "entry.0.messaging.0.message.mid",
            "entry.0.messaging.0.message.text", "entry.0.messaging.0.message.attachments.0.type",
            "entry.0.messaging.0.message.attachments.0.payload.url",
        ],
        ["facebook-comment"] =
        [
            "entry.0.changes.0.value.comment_id", "entry.0.changes.0.value.post_id", "entry.0.changes.0.value.parent_id",
            "entry.0.changes.0.value.message", "entry.0.changes.0.value.from.id", "entry.0.changes.0.value.from.name",
        ],
        ["livechat"] =
        [
            "_id", "sentAt", "visitor.name", "visitor.email", "visitor.phone", "message", "department", "host",
        ],
        ["freshcaller"] =
        [
            "call.direction", "call.phone_number", "call.assigned_agent_name", "call.assigned_team_name", "call.assigned_call_queue_name",
            "call.call_notes", "call.created_time", "call.recording.url", "call.participants.0.caller_number",
            "call.participants.0.caller_name", "call.participants.0.participant_type",
        ],
    };

    public static JsonObject WebForm(string id) => new()
    {
        ["name"] = "Ana Souza",
        ["email"] = "ana@example.com",
        ["subject"] = "Cannot log in",
        ["message"] = "The desktop app says my password is wrong.",
        ["priority"] = "Medium",
        ["product"] = "Rocket.Chat Cloud",
        ["clientVersion"] = "6.4.1",
        ["submissionId"] = id,
    };

    public static JsonObject FacebookMessage(string id) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = PageId,
            ["time"] = 1796126400123L,
            ["messaging"] = new JsonArray(new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = "6754123987654321" },
                ["recipient"] = new JsonObject { ["id"] = PageId },
                ["timestamp"] = 1796126400000L,
                ["message"] = new JsonObject
                {
                    ["mid"] = id,
                    ["text"] = "Our workspace is down since this morning",
                    ["attachments"] = new JsonArray(new JsonObject
                    {
                        ["type"] = "image",
                        ["payload"] = new JsonObject { ["url"] = "https://scontent.example/img.png" },
                    }),
                },
            }),
        }),
    };

    public static JsonObject FacebookComment(string id) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = PageId,
            ["time"] = 1796126400123L,
            ["changes"] = new JsonArray(new JsonObject
            {
                ["field"] = "feed",
                ["value"] = new JsonObject
                {
                    ["item"] = "comment",
                    ["verb"] = "add",
                    ["comment_id"] = id,
                    ["post_id"] = "106358284731337_1000",
                    ["parent_id"] = "106358284731337_1001",
                    ["message"] = "The app crashes when I open settings",
                    ["created_time"] = 1796126400,
                    ["from"] = new JsonObject { ["id"] = "5511223344", ["name"] = "Carlos Lima" },
                },
            }),
        }),
    };

    public static JsonObject Livechat(string id) => new()
    {
        ["_id"] = id,
        ["type"] = "LivechatOfflineMessage",
        ["sentAt"] = "2026-11-30T11:58:01.123Z",
        ["visitor"] = new JsonObject { ["name"] = "Maria Oliveira", ["email"] = "maria@acme.example", ["phone"] = "+5511912345678" },
        ["message"] = "We cannot upload files since yesterday.",
        ["department"] = "Support",
        ["host"] = "https://acme.example",
    };

    public static JsonObject Freshcaller(long id) => new()
    {
        ["call"] = new JsonObject
        {
            ["id"] = id,
            ["direction"] = "incoming",
            ["parent_call_id"] = null,
            ["phone_number"] = "+551142001124",
            ["assigned_agent_name"] = "João Gabriel",
            ["assigned_team_name"] = "Hotline",
            ["assigned_call_queue_name"] = "Paid support",
            ["bill_duration"] = 184.0,
            ["bill_duration_unit"] = "seconds",
            ["created_time"] = "2026-11-30T11:50:00Z",
            ["call_notes"] = "Customer cannot log in after the upgrade to 6.4.",
            ["recording"] = new JsonObject { ["id"] = 9001, ["url"] = $"https://acme.freshcaller.com/api/v1/calls/{id}/recording" },
            ["participants"] = new JsonArray(new JsonObject
            {
                ["participant_type"] = "Customer",
                ["caller_number"] = "+5511987654321",
                ["caller_name"] = "Ana Souza",
                ["call_status"] = 1,
            }),
        },
    };

    /// <summary>A valid body for <paramref name="route"/> keyed by <paramref name="seed"/> (distinct seeds make distinct records).</summary>
    public static JsonObject For(string route, int seed) => route switch
    {
        "web" => WebForm($"sub-{seed}"),
        "facebook" => With(FacebookMessage($"m_{seed}"), "entry.0.messaging.0.sender.id", $"6754{seed}"),
        "facebook-comment" => With(FacebookComment($"{PageId}_2{seed}"), "entry.0.changes.0.value.from.id", $"5511{seed}"),
        "livechat" => Livechat($"lc-{seed}"),
        "freshcaller" => Freshcaller(7_000_000 + seed),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "unknown route"),
    };

    /// <summary>The URL segment of a route name (<c>facebook-comment</c> posts to <c>facebook</c>).</summary>
    public static string Segment(string route) => route.Split('-')[0];

    /// <summary>Sets the field at a dotted path (array items by index).</summary>
    public static JsonObject With(JsonObject body, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonNode node = body;
        foreach (var part in parts[..^1])
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        var last = parts[^1];
        if (node is JsonArray array)
        {
            array[int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node[last] = value;
        }

        return body;
    }

    public static byte[] Utf8(JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString());
}
