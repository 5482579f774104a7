using System.Net;

namespace SyncHub.Adapters.RocketChat;

/// <summary>
/// Rocket.Chat refused the message for a reason a retry will not fix (a wrong token, an unknown room, a webhook that
/// no longer exists): an operator must change the configuration. The dispatcher still retries until it dead-letters.
/// </summary>
public sealed class RocketChatRejectedException : RocketChatException
{
    public RocketChatRejectedException()
    {
    }

    public RocketChatRejectedException(string message)
        : base(message)
    {
    }

    public RocketChatRejectedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public RocketChatRejectedException(string message, HttpStatusCode? statusCode)
        : base(message, statusCode)
    {
    }
}
