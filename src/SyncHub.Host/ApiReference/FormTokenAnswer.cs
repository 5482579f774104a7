namespace SyncHub.Host.ApiReference;

/// <summary>The answer of <c>GET /api/public/web/form-token</c>: the hidden field's name and its signed token.</summary>
internal sealed record FormTokenAnswer(string Field, string Token);
