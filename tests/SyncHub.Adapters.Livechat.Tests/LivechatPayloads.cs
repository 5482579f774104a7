using System.Text.Json.Nodes;
using SyncHub.Sdk.Testing;

namespace SyncHub.Adapters.Livechat.Tests;

/// <summary>Rocket.Chat's livechat webhook bodies and the token header it sends them with.</summary>
internal static class LivechatPayloads
{
    public const string TokenHeader = "X-RocketChat-Livechat-Token";
    public const string Secret = "rc-livechat-secret-9b8a7c";

    /// <summary>The body Rocket.Chat posts for an offline livechat message (<c>livechat.offlineMessage</c> callback).</summary>
    public static JsonObject OfflineMessage(
        string name = "Maria Oliveira",
        string? email = "maria@acme.example",
        string message = "Hello, we cannot upload files since yesterday.\nCan you help?",
        string sentAt = "2026-11-30T11:58:01.123Z") => new()
    {
        ["type"] = "LivechatOfflineMessage",
        ["sentAt"] = sentAt,
        ["visitor"] = email is null ? new JsonObject { ["name"] = name } : new JsonObject { ["name"] = name, ["email"] = email },
        ["message"] = message,
    };

    /// <summary>A request of <paramref name="body"/> carrying <paramref name="token"/> (none when null).</summary>
    public static WebhookRequest Post(string body, string? token = Secret, string method = "POST") =>
        WebhookRequests.Post(body, (TokenHeader, token)) with { Method = method };
}
