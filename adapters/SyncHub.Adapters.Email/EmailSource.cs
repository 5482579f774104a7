using System.Diagnostics.Metrics;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SyncHub.Domain;

namespace SyncHub.Adapters.Email;

/// <summary>
/// Reads support mail from IMAP folders. The cursor holds, per folder, its UIDVALIDITY and the last UID read, so
/// nothing is read twice and nothing is skipped; a UIDVALIDITY change re-reads the folder (the store's idempotency
/// on the Message-ID absorbs it). A page is up to <see cref="EmailOptions.BatchSize"/> messages of one folder;
/// folders take turns. Auto-replies, bounces and our own mail make no record (counted in
/// <c>synchub.email.ignored</c>); a message that cannot be read becomes a placeholder record rather than stopping
/// the poller. <see cref="EmailOptions.MarkSeen"/> and <see cref="EmailOptions.MoveTo"/> are applied at the start
/// of the next fetch, to messages at or below the committed cursor only, so a crash never hides unstored mail.
/// </summary>
public sealed class EmailSource(
    IOptionsMonitor<EmailOptions> options,
    IMeterFactory meterFactory,
    TimeProvider time,
    ILogger<EmailSource> logger) : IPollingSource, IAsyncDisposable, IDisposable
{
    public const string SourceName = "Email";

    private static readonly FetchRequest SummaryRequest = new(MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.InternalDate);

    /// <summary>The adapter's meter; <see cref="IgnoredCounter"/> counts the messages that made no record, by reason.</summary>
    public const string MeterName = "SyncHub.Email";

    public const string IgnoredCounter = "synchub.email.ignored";

    private readonly AdapterCounter ignoredMail = new(meterFactory, MeterName, IgnoredCounter, "{message}", "Incoming messages that made no record (auto-replies, bounces, our own mail), by reason.", "reason");
    private readonly SemaphoreSlim gate = new(1, 1);
    private ImapClient? client;
    private string? clientKey;

    public string Name => SourceName;

    public async Task<IntakePage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        Charsets.EnsureRegistered();
        await gate.WaitAsync(cancellationToken);
        try
        {
            var (imap, fresh) = await ConnectAsync(settings, cancellationToken);
            try
            {
                return await ReadAsync(imap, ParseCursor(cursor), settings, cancellationToken);
            }
            catch (Exception ex) when (!fresh && IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                // A reused connection the server had closed while we waited: read again on a fresh one, once.
                Log.ConnectionDropped(logger, ex, settings.Host, settings.Port);
                Drop();
                (imap, _) = await ConnectAsync(settings, cancellationToken);
                return await ReadAsync(imap, ParseCursor(cursor), settings, cancellationToken);
            }
        }
        catch
        {
            // Whatever failed, the next fetch starts on a clean connection; the core retries with backoff.
            Drop();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        var imap = Interlocked.Exchange(ref client, null);
        if (imap is null)
        {
            return;
        }

        try
        {
            if (imap.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await imap.DisconnectAsync(true, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ImapProtocolException or SocketException)
        {
            // Closing anyway.
        }
        finally
        {
            imap.Dispose();
            gate.Dispose();
        }
    }

    public void Dispose()
    {
        Drop();
        gate.Dispose();
    }

    private static bool IsConnectionFailure(Exception ex) =>
        ex is IOException or SocketException or ImapProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException;

    private EmailCursor ParseCursor(string? cursor)
    {
        try
        {
            return EmailCursor.Parse(cursor);
        }
        catch (FormatException ex)
        {
            Log.CursorUnreadable(logger, ex.Message);
            return new EmailCursor();
        }
    }

    private async Task<(ImapClient Client, bool Fresh)> ConnectAsync(EmailOptions settings, CancellationToken cancellationToken)
    {
        var key = $"{settings.Security}://{settings.User}@{settings.Host}:{settings.Port}";
        if (client is { IsConnected: true, IsAuthenticated: true } && key == clientKey)
        {
            return (client, false);
        }

        Drop();
        var imap = new ImapClient { Timeout = (int)Math.Min(int.MaxValue, settings.Timeout.TotalMilliseconds) };
        try
        {
            await imap.ConnectAsync(settings.Host, settings.Port, settings.Security.ToSocketOptions(), cancellationToken);
            await imap.AuthenticateAsync(settings.User, settings.Password, cancellationToken);
        }
        catch
        {
            imap.Dispose();
            throw;
        }

        Log.Connected(logger, settings.Host, settings.Port, settings.Security, settings.User);
        client = imap;
        clientKey = key;
        return (imap, true);
    }

    private void Drop()
    {
        Interlocked.Exchange(ref client, null)?.Dispose();
        clientKey = null;
    }

    private async Task<IntakePage> ReadAsync(ImapClient imap, EmailCursor cursor, EmailOptions settings, CancellationToken cancellationToken)
    {
        var folders = settings.EffectiveFolders;
        var start = cursor.Next is { } next && folders.Contains(next, StringComparer.Ordinal) ? IndexOf(folders, next) : 0;
        var tidy = settings.MarkSeen || settings.MoveTo is not null;
        for (var i = 0; i < folders.Count; i++)
        {
            var name = folders[(start + i) % folders.Count];
            var folder = await imap.GetFolderAsync(name, cancellationToken);
            await folder.OpenAsync(tidy ? FolderAccess.ReadWrite : FolderAccess.ReadOnly, cancellationToken);
            var (lastUid, committed) = await StartAsync(folder, cursor.Position(name), settings, cancellationToken);
            if (tidy && committed && lastUid > 0)
            {
                await TidyAsync(imap, folder, lastUid, settings, cancellationToken);
            }

            cursor.Set(name, new FolderPosition(folder.UidValidity, lastUid));
            var pending = await PendingAsync(folder, lastUid, cancellationToken);
            if (pending.Count == 0)
            {
                continue;
            }

            var batch = pending.Take(settings.BatchSize).ToList();
            var records = await ReadBatchAsync(folder, batch, cursor, settings, cancellationToken);
            cursor.Set(name, new FolderPosition(folder.UidValidity, batch[^1].Id));
            cursor.Next = folders[(start + i + 1) % folders.Count];

            // More waits in this folder, or the folders after it were not looked at in this fetch.
            var hasMore = pending.Count > batch.Count || i < folders.Count - 1;
            Log.PageRead(logger, batch.Count, name, batch[^1].Id, records.Count, hasMore);
            return new IntakePage(records, cursor.Serialize(folders), hasMore);
        }

        return new IntakePage([], cursor.Serialize(folders));
    }

    private static int IndexOf(IReadOnlyList<string> folders, string name)
    {
        for (var i = 0; i < folders.Count; i++)
        {
            if (string.Equals(folders[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>The last UID already read in the open folder, and whether it is a committed position of this folder's UIDVALIDITY.</summary>
    private async Task<(uint LastUid, bool Committed)> StartAsync(IMailFolder folder, FolderPosition? position, EmailOptions settings, CancellationToken cancellationToken)
    {
        if (position is null)
        {
            if (!settings.SkipExisting)
            {
                return (0, false);
            }

            var last = folder.UidNext is { } uidNext ? uidNext.Id - 1 : (await folder.SearchAsync(SearchQuery.All, cancellationToken)).Select(u => u.Id).DefaultIfEmpty(0u).Max();
            Log.SkippedExisting(logger, folder.FullName, last);
            return (last, false);
        }

        if (position.UidValidity != folder.UidValidity)
        {
            Log.UidValidityChanged(logger, folder.FullName, position.UidValidity, folder.UidValidity);
            return (0, false);
        }

        return (position.LastUid, true);
    }

    /// <summary>The UIDs above <paramref name="lastUid"/>, ascending.</summary>
    private static async Task<List<UniqueId>> PendingAsync(IMailFolder folder, uint lastUid, CancellationToken cancellationToken)
    {
        if (folder.Count == 0 || (folder.UidNext is { } next && next.Id <= lastUid + 1))
        {
            return [];
        }

        // "UID n:*" also matches the highest UID when it is below n, hence the filter.
        var uids = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(lastUid + 1), UniqueId.MaxValue)), cancellationToken);
        return uids.Where(u => u.Id > lastUid).OrderBy(u => u.Id).ToList();
    }

    /// <summary>Flags or moves the messages the core has committed (UID at or below the cursor); idempotent.</summary>
    private async Task TidyAsync(ImapClient imap, IMailFolder folder, uint lastUid, EmailOptions settings, CancellationToken cancellationToken)
    {
        var committed = new UniqueIdRange(UniqueId.MinValue, new UniqueId(lastUid));
        if (settings.MarkSeen)
        {
            var unseen = await folder.SearchAsync(SearchQuery.Uids(committed).And(SearchQuery.NotSeen), cancellationToken);
            if (unseen.Count > 0)
            {
                await folder.StoreAsync(unseen, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken);
                Log.Tidied(logger, folder.FullName, unseen.Count, @"flagged \Seen");
            }
        }

        if (settings.MoveTo is { } moveTo)
        {
            var done = await folder.SearchAsync(SearchQuery.Uids(committed), cancellationToken);
            if (done.Count > 0)
            {
                var target = await imap.GetFolderAsync(moveTo.Trim(), cancellationToken);
                await folder.MoveToAsync(done, target, cancellationToken);
                Log.Tidied(logger, folder.FullName, done.Count, "moved to " + target.FullName);
            }
        }
    }

    private async Task<List<IntakeRecord>> ReadBatchAsync(IMailFolder folder, List<UniqueId> batch, EmailCursor cursor, EmailOptions settings, CancellationToken cancellationToken)
    {
        var summaries = (await folder.FetchAsync(batch, SummaryRequest, cancellationToken)).ToDictionary(s => s.UniqueId.Id);
        var limits = MailLimits.From(settings);
        var own = settings.OwnAddresses.Select(a => a.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parser = new ParserOptions { MaxMimeDepth = settings.MaxMimeDepth + 1 };
        var now = time.GetUtcNow();
        var records = new List<IntakeRecord>(batch.Count);
        foreach (var uid in batch)
        {
            if (!summaries.TryGetValue(uid.Id, out var summary))
            {
                Log.Vanished(logger, folder.FullName, uid.Id);
                continue;
            }

            var receivedAt = summary.InternalDate is { } date && date <= now ? date.ToUniversalTime() : now;
            var context = new MailContext(folder.FullName, receivedAt, limits, KnownThread: cursor.ThreadOf);
            var record = await ReadOneAsync(folder, uid, summary.Size ?? 0, context, parser, own, settings.MaxMessageBytes, cancellationToken);
            if (record is not null)
            {
                records.Add(record);

                // A later reply naming this message anywhere in its In-Reply-To or References finds its conversation.
                if (record.ThreadKey is { } threadKey && record.Diagnostics.TryGetValue(DiagnosticKeys.MessageId, out var messageId))
                {
                    cursor.Remember(messageId, threadKey);
                }
            }
        }

        return records;
    }

    /// <summary>One message as a record, or null when it is noise or gone. Only connection failures throw.</summary>
    private async Task<IntakeRecord?> ReadOneAsync(
        IMailFolder folder,
        UniqueId uid,
        uint size,
        MailContext context,
        ParserOptions parser,
        IReadOnlySet<string> own,
        long maxMessageBytes,
        CancellationToken cancellationToken)
    {
        var placeholderId = $"imap:{folder.FullName}:{folder.UidValidity}:{uid.Id}";
        placeholderId = placeholderId.Length <= RecordLimits.MaxIdLength ? placeholderId : MessageMapper.Hash(placeholderId);
        MimeMessage message;
        byte[]? raw = null;
        try
        {
            if (size > maxMessageBytes)
            {
                var headers = await folder.GetHeadersAsync(uid, cancellationToken);
                message = HeadersOnly(headers, parser);
                context = context with { Notes = [$"the message has {size} bytes, more than MaxMessageBytes ({maxMessageBytes}); only its headers were read"] };
            }
            else
            {
                using var stream = await folder.GetStreamAsync(uid, cancellationToken);
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, cancellationToken);
                raw = copy.ToArray();
                copy.Position = 0;
                message = await MimeMessage.LoadAsync(parser, copy, cancellationToken);
            }
        }
        catch (MessageNotFoundException)
        {
            Log.Vanished(logger, folder.FullName, uid.Id);
            return null;
        }
        catch (ImapCommandException ex)
        {
            var reason = $"the IMAP server refused to return it ({ex.Response}: {ex.ResponseText})";
            Log.Unreadable(logger, folder.FullName, uid.Id, reason);
            return MessageMapper.Unreadable(placeholderId, reason, context);
        }
        catch (FormatException ex)
        {
            var reason = $"it is not a parseable e-mail message ({ex.Message})";
            Log.Unreadable(logger, folder.FullName, uid.Id, reason);
            return MessageMapper.Unreadable(raw is null ? placeholderId : MessageMapper.Hash(raw), reason, context);
        }

        var messageId = MessageIds.Normalize(message.MessageId) ?? "(none)";
        var ignored = LoopGuard.Check(message, own);
        if (ignored is not null)
        {
            ignoredMail.Add(ignored);
            Log.Ignored(logger, messageId, folder.FullName, uid.Id, ignored);
            return null;
        }

        IntakeRecord record;
        try
        {
            record = MessageMapper.Map(message, context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One odd message must never stop the poller: keep what identifies it and say why.
            var reason = $"its content could not be read ({ex.GetType().Name}: {ex.Message})";
            Log.Unreadable(logger, folder.FullName, uid.Id, reason);
            var id = MessageMapper.ExternalIdFor(message.MessageId) ?? (raw is null ? placeholderId : MessageMapper.Hash(raw));
            return MessageMapper.Unreadable(id, reason, context);
        }

        if (record.Diagnostics.TryGetValue(DiagnosticKeys.Notes, out var notes))
        {
            Log.ReadWithNotes(logger, messageId, folder.FullName, uid.Id, notes);
        }

        return record;
    }

    private static MimeMessage HeadersOnly(HeaderList headers, ParserOptions parser)
    {
        using var buffer = new MemoryStream();
        headers.WriteTo(buffer);
        buffer.Write("\r\n"u8);
        buffer.Position = 0;
        return MimeMessage.Load(parser, buffer);
    }
}
