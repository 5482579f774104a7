using System.Text.Json.Nodes;

namespace SyncHub.Resilience.Tests.Hosting;

/// <summary>The text fields of the <c>/api/tickets</c> request bodies, and a valid body for each route.</summary>
internal static class ApiFields
{
    public static readonly IReadOnlyDictionary<string, string[]> TextFields = new Dictionary<string, string[]>
    {
        ["tickets"] = ["subject", "message", "priority", "agent", "requester.name", "requester.email", "requester.phone"],
        ["status"] = ["status", "by"],
        ["reply"] = ["message", "by"],
        ["escalate"] = ["team", "assignee", "note", "by"],
        ["follow-up"] = ["documentation", "documentationLink", "bug", "bugLink", "feature", "featureRequestLink", "note", "by"],
    };

    public static JsonObject For(string route) => route switch
    {
        "tickets" => new JsonObject
        {
            ["subject"] = "Printer on fire",
            ["message"] = "The printer on floor 3 is on fire.",
            ["priority"] = "High",
            ["agent"] = "joao.agent",
            ["requester"] = new JsonObject { ["name"] = "Ana Souza", ["email"] = "ana@example.com", ["phone"] = "+5511987654321" },
        },
        "status" => new JsonObject { ["status"] = "Pending", ["by"] = "joao.agent" },
        "reply" => new JsonObject { ["message"] = "Please try again now.", ["by"] = "joao.agent" },
        "escalate" => new JsonObject { ["team"] = "developers", ["assignee"] = "ana.dev", ["note"] = "Crash on login", ["by"] = "joao.agent" },
        "follow-up" => new JsonObject
        {
            ["documentation"] = "Improve",
            ["documentationLink"] = "https://docs.example.com/login",
            ["bug"] = "Known",
            ["bugLink"] = "https://github.com/example/app/issues/42",
            ["feature"] = "None",
            ["featureRequestLink"] = null,
            ["note"] = "Docs were unclear",
            ["by"] = "joao.agent",
        },
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "unknown API route"),
    };
}
