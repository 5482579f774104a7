using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncHub.Adapters.AppFollow;

/// <summary>
/// The poll's position for every app and store in one string, and which app is read next within the current round:
/// <c>{"next":1,"apps":{"gp:chat.rocket.android":{"from":"2026-11-29","to":"2026-11-30","page":2},"as:1148741252":{"from":"2026-11-30"}}}</c>.
/// </summary>
internal sealed record AppFollowCursor(int Next, IReadOnlyDictionary<string, AppFollowPosition> Apps)
{
    private const string DateFormat = "yyyy-MM-dd";

    public static AppFollowCursor Start { get; } = new(0, new Dictionary<string, AppFollowPosition>());

    public static AppFollowCursor Parse(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            if (JsonNode.Parse(cursor) is JsonObject root && root["apps"] is JsonObject apps)
            {
                var positions = new Dictionary<string, AppFollowPosition>(StringComparer.Ordinal);
                foreach (var (key, node) in apps)
                {
                    if (node is not JsonObject app || Date(app["from"]) is not { } from)
                    {
                        throw Invalid(cursor);
                    }

                    var to = Date(app["to"]);
                    var page = app["page"]?.GetValue<int>();
                    positions[key] = to is null || page is not > 0 ? new AppFollowPosition(from) : new AppFollowPosition(from, to, page);
                }

                return new AppFollowCursor(Math.Max(0, root["next"]?.GetValue<int>() ?? 0), positions);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new AppFollowException(Invalid(cursor).Message, ex);
        }

        throw Invalid(cursor);
    }

    public override string ToString()
    {
        var apps = new JsonObject();
        foreach (var (key, position) in Apps.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var app = new JsonObject { ["from"] = position.From.ToString(DateFormat, CultureInfo.InvariantCulture) };
            if (position is { To: { } to, Page: { } page })
            {
                app["to"] = to.ToString(DateFormat, CultureInfo.InvariantCulture);
                app["page"] = page;
            }

            apps[key] = app;
        }

        return new JsonObject { ["next"] = Next, ["apps"] = apps }.ToJsonString();
    }

    private static DateOnly? Date(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture)
            : null;

    private static AppFollowException Invalid(string cursor) =>
        new($"the stored AppFollow cursor '{cursor}' is not one this adapter wrote; delete the AppFollow checkpoint to start again from SyncHub:Adapters:AppFollow:StartFrom");
}
