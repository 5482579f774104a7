using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Domain;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// Posts <see cref="ChatEvents.Message"/> outbox events to Rocket.Chat: escalations, SLA breaches, critical app reviews.
/// The room is the event's <see cref="ChatEvents.Channel"/>, else <see cref="RocketChatOptions.DefaultChannel"/>.
/// Through the REST API the message is sent with <c>chat.sendMessage</c> and an id derived from
/// <see cref="OutboxEvent.Id"/>, so a retried delivery finds its message already posted and counts as delivered. With only
/// an incoming-webhook URL the message is posted there, without that protection. The receipt carries the Rocket.Chat
/// message id (none through the webhook). Failures throw so the outbox dispatcher retries; those a retry will not fix
/// throw <see cref="DeliveryException"/> (permanent, or unauthorized for refused credentials), and a refusal of the rate
/// limiter a transient <see cref="DeliveryException"/> with the wait until its window resets.
/// </summary>
public sealed class RocketChatNotifier(
    IHttpClientFactory httpClients,
    IOptionsMonitor<RocketChatOptions> options,
    TimeProvider time,
    ILogger<RocketChatNotifier> logger) : INotifier
{
    public const string NotifierName = "RocketChat";

    private readonly ConcurrentDictionary<string, string> rooms = new(StringComparer.OrdinalIgnoreCase);

    public string Name => NotifierName;

    public bool Handles(OutboxEvent outboxEvent)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        return outboxEvent.Type == ChatEvents.Message && (outboxEvent.Target is null || outboxEvent.Target == NotifierName);
    }

    public async Task SendAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken) => await DeliverAsync(outboxEvent, cancellationToken);

    public async Task<DeliveryReceipt> DeliverAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        try
        {
            return await PostAsync(outboxEvent, cancellationToken);
        }
        catch (RocketChatRejectedException ex)
        {
            throw DeliveryException.Refused(ex.StatusCode, ex.Message, ex);
        }
        catch (RocketChatException ex) when (ex.IsRateLimited)
        {
            throw new DeliveryException(DeliveryFailureKind.Transient, ex.Message, ex.RetryAfter, ex);
        }
    }

    private async Task<DeliveryReceipt> PostAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var client = new RocketChatClient(httpClients, settings, time);
        var text = RocketChatMessage.Format(outboxEvent, settings);
        var channel = Channel(outboxEvent, settings);

        if (!settings.UsesRestApi)
        {
            var webhookUrl = settings.WebhookUrl ?? throw new RocketChatRejectedException(
                "neither SyncHub:Adapters:RocketChat:UserId and :AuthToken nor :WebhookUrl is configured");
            await client.PostWebhookAsync(webhookUrl, text, channel, cancellationToken);
            Log.PostedToWebhook(logger, outboxEvent.Id, outboxEvent.TicketNumber);
            return DeliveryReceipt.Sent;
        }

        if (channel is null)
        {
            throw new RocketChatRejectedException(
                $"outbox event {outboxEvent.Id} names no channel and SyncHub:Adapters:RocketChat:DefaultChannel is empty");
        }

        var messageId = RocketChatMessageId.From(outboxEvent.Id);
        var roomId = await RoomAsync(client, channel, cancellationToken);
        string? posted;
        try
        {
            posted = await client.SendMessageAsync(messageId, roomId, text, cancellationToken);
        }
        catch (RocketChatRejectedException)
        {
            // The room may have been renamed or removed since it was looked up: look it up again next time.
            rooms.TryRemove(channel, out _);
            throw;
        }

        if (posted is null)
        {
            Log.AlreadyPosted(logger, messageId, outboxEvent.Id, channel);
            return new DeliveryReceipt(messageId);
        }

        Log.Posted(logger, posted, outboxEvent.Id, outboxEvent.TicketNumber, channel);
        return new DeliveryReceipt(posted);
    }

    private async Task<string> RoomAsync(RocketChatClient client, string channel, CancellationToken cancellationToken)
    {
        if (rooms.TryGetValue(channel, out var roomId))
        {
            return roomId;
        }

        roomId = await client.ResolveRoomAsync(channel, cancellationToken);
        rooms[channel] = roomId;
        Log.RoomResolved(logger, channel, roomId);
        return roomId;
    }

    private static string? Channel(OutboxEvent outboxEvent, RocketChatOptions settings) =>
        outboxEvent.Data.TryGetValue(ChatEvents.Channel, out var channel) && !string.IsNullOrWhiteSpace(channel)
            ? channel.Trim()
            : string.IsNullOrWhiteSpace(settings.DefaultChannel) ? null : settings.DefaultChannel.Trim();
}
