using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Facebook.Tests;

/// <summary>Graph API page webhook bodies in the documented shapes, and their <c>X-Hub-Signature-256</c>.</summary>
internal static class FacebookPayloads
{
    public const string AppSecret = "fb-app-secret-0c1d2e3f4a5b6c7d";
    public const string VerifyToken = "synchub-verify-4f2a";
    public const string PageId = "106358284731337";
    public const string CustomerPsid = "6754123987654321";

    /// <summary>A POST of <paramref name="body"/> with <paramref name="signature"/> in <c>X-Hub-Signature-256</c> (none when null).</summary>
    public static WebhookRequest Post(string body, string? signature) => WebhookRequests.Post(body, ("X-Hub-Signature-256", signature));

    /// <summary>A POST of <paramref name="body"/> signed with the app secret, as Facebook sends it.</summary>
    public static WebhookRequest Signed(string body) => Post(body, Sign(body));

    /// <summary>A GET with <paramref name="query"/> (the subscription handshake).</summary>
    public static WebhookRequest Get(IDictionary<string, string> query) => WebhookRequests.Get(query);

    /// <summary>The signature Facebook sends: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body keyed with the app secret.</summary>
    public static string Sign(string body, string secret = AppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static JsonObject Page(params JsonObject[] entries) => new()
    {
        ["object"] = "page",
        ["entry"] = new JsonArray([.. entries]),
    };

    public static JsonObject Entry(JsonObject[]? messaging = null, JsonObject[]? changes = null, string pageId = PageId)
    {
        var entry = new JsonObject { ["id"] = pageId, ["time"] = 1796126400123L };
        if (messaging is not null)
        {
            entry["messaging"] = new JsonArray([.. messaging]);
        }

        if (changes is not null)
        {
            entry["changes"] = new JsonArray([.. changes]);
        }

        return entry;
    }

    /// <summary>A Messenger message a customer sent to the page.</summary>
    public static JsonObject Message(string mid, string text, string sender = CustomerPsid, long timestamp = 1796126400000L, bool echo = false, JsonArray? attachments = null)
    {
        var message = new JsonObject { ["mid"] = mid, ["text"] = text };
        if (echo)
        {
            message["is_echo"] = true;
            message["app_id"] = 1517776481860111L;
        }

        if (attachments is not null)
        {
            message["attachments"] = attachments;
        }

        return new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = echo ? PageId : sender },
            ["recipient"] = new JsonObject { ["id"] = echo ? sender : PageId },
            ["timestamp"] = timestamp,
            ["message"] = message,
        };
    }

    public static JsonObject Delivery() => new()
    {
        ["sender"] = new JsonObject { ["id"] = CustomerPsid },
        ["recipient"] = new JsonObject { ["id"] = PageId },
        ["timestamp"] = 1796126400500L,
        ["delivery"] = new JsonObject { ["mids"] = new JsonArray("m_earlier"), ["watermark"] = 1796126400000L },
    };

    public static JsonObject Read() => new()
    {
        ["sender"] = new JsonObject { ["id"] = CustomerPsid },
        ["recipient"] = new JsonObject { ["id"] = PageId },
        ["timestamp"] = 1796126400600L,
        ["read"] = new JsonObject { ["watermark"] = 1796126400000L },
    };

    /// <summary>A feed change: a comment added (or edited, removed) on one of the page's posts.</summary>
    public static JsonObject Comment(string commentId, string message, string fromId = "4412356789012345", string fromName = "Carlos Lima", string verb = "add", string item = "comment") => new()
    {
        ["field"] = "feed",
        ["value"] = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName },
            ["post"] = new JsonObject { ["id"] = $"{PageId}_987654321", ["status_type"] = "added_photos", ["is_published"] = true },
            ["message"] = message,
            ["post_id"] = $"{PageId}_987654321",
            ["comment_id"] = commentId,
            ["created_time"] = 1796126460L,
            ["item"] = item,
            ["parent_id"] = $"{PageId}_987654321",
            ["verb"] = verb,
        },
    };

    /// <summary>A feed change: a visitor's post (status, post, photo) added on the page's feed, as Graph's feed webhook sends it.</summary>
    public static JsonObject Post(string item, string message, string fromId = "4412356789012345", string fromName = "Carlos Lima") => new()
    {
        ["field"] = "feed",
        ["value"] = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName },
            ["post_id"] = $"{PageId}_555000111",
            ["message"] = message,
            ["created_time"] = 1796126460L,
            ["item"] = item,
            ["published"] = 1,
            ["verb"] = "add",
        },
    };
}
