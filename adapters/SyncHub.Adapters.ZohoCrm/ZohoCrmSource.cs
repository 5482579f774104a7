using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SyncHub.Adapters.ZohoCrm;

/// <summary>
/// Incremental sync of Zoho CRM Accounts, then Contacts, one page per call. Each module is read in passes: a
/// pass asks for records modified since the module's watermark (<c>If-Modified-Since</c>), sorted by id (stable
/// while records change), and follows every page (<c>page</c>, then <c>page_token</c> past 2,000 records) until
/// <c>more_records</c> is false; 204/304 means nothing changed. The next pass's watermark is the highest
/// <c>Modified_Time</c> seen, but no later than the pass start less <see cref="ZohoCrmOptions.ClockSkew"/>, so a
/// record changed during a pass is read again rather than missed. The returned cursor moves past a page only in
/// the page that carries its records, and the poller commits it only after the directory stored them. When Zoho
/// refuses to go on paging (an expired or invalid <c>page_token</c>, or <c>DISCRETE_PAGINATION_LIMIT_EXCEEDED</c>)
/// the module's pass restarts from its committed watermark instead of failing every poll.
/// <para>
/// Deleted records: the last page of a module's pass also reads the first page of the module's deleted-records list
/// (<c>GET /crm/{version}/{Module}/deleted?type=all</c>, recycle bin and permanently deleted) since the module's
/// deletion watermark, and returns their ids in <see cref="AccountPage.DeletedAccountIds"/> or
/// <see cref="AccountPage.DeletedContactIds"/>, so the directory forgets former customers. Further pages of that list
/// follow one per fetch. The deletion watermark moves like the records' one (highest <c>deleted_time</c> seen, no later
/// than the pass start less the clock skew). A first full sync reads no deletions: it starts the deletion watermark
/// at its own start.
/// </para>
/// </summary>
internal sealed class ZohoCrmSource(
    ZohoCrmApiClient api,
    IOptions<ZohoCrmOptions> options,
    TimeProvider time,
    ILogger<ZohoCrmSource> logger) : IAccountSource
{
    private const string ExpiredValue = "EXPIRED_VALUE";
    private const string InvalidData = "INVALID_DATA";
    private const string DiscretePaginationLimit = "DISCRETE_PAGINATION_LIMIT_EXCEEDED";

    public string Name => ZohoCrmModule.AdapterName;

    public async Task<AccountPage> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var modules = settings.Modules();
        var state = Read(cursor, modules, settings.InitialSyncFrom);
        var module = state.Module;
        var passStartedAt = state.PassStartedAt ?? time.GetUtcNow();
        if (state.ReadingDeleted && state.DeletedSinceOf(module) is not null)
        {
            return await DeletedPageAsync(state, modules, passStartedAt, [], [], cancellationToken);
        }

        var since = state.SinceOf(module);
        var accounts = module == settings.AccountsModule;
        var mapper = new ZohoRecordMapper(settings.Fields);
        var query = new ZohoRecordsQuery(
            module,
            accounts ? settings.Fields.AccountFields() : settings.Fields.ContactFields(),
            settings.PageSize,
            state.Page,
            state.PageToken,
            since);

        ZohoRecordsPage page;
        try
        {
            page = await api.GetRecordsAsync(query, cancellationToken);
        }
        catch (ZohoApiException error) when (PageTokenRefused(error, state))
        {
            Log.PageTokenRefused(logger, module, error.Code!);
            var restart = ZohoCursor.Start(module, [], null) with { Since = state.Since, DeletedSince = state.DeletedSince };
            return AccountPage.Empty(restart.ToString(), hasMore: true);
        }
        catch (ZohoApiException error) when (error.Code == DiscretePaginationLimit)
        {
            if (state.Restarted)
            {
                throw new ZohoApiException(
                    error.Status,
                    error.Code,
                    $"{error.ZohoMessage}; the pass was already restarted once from its watermark and Zoho still handed out " +
                    "no next_page_token: set SyncHub:Adapters:ZohoCrm:ApiVersion to a version with page_token (v7 or later)",
                    module);
            }

            Log.PassRestarted(logger, module, error.Code, state.Page);
            var restart = ZohoCursor.Start(module, [], null) with { Since = state.Since, DeletedSince = state.DeletedSince, Restarted = true };
            return AccountPage.Empty(restart.ToString(), hasMore: true);
        }

        var records = page.Records.Where(r => HasId(r, module)).ToList();
        var highWater = Max(state.HighWater, records.Select(ZohoRecordMapper.ModifiedAt).Max());
        IReadOnlyList<CrmAccount> accountRecords = accounts ? [.. records.Select(mapper.ToAccount).OfType<CrmAccount>()] : [];
        IReadOnlyList<CrmContact> contactRecords = accounts ? [] : [.. records.Select(mapper.ToContact).OfType<CrmContact>()];
        Log.PageRead(logger, module, state.Page, records.Count, page.MoreRecords);

        if (page.MoreRecords && records.Count > 0)
        {
            var next = state with
            {
                Page = state.Page + 1,
                PageToken = page.NextPageToken,
                PassStartedAt = passStartedAt,
                HighWater = highWater,
            };
            return new AccountPage(accountRecords, contactRecords, next.ToString(), HasMore: true);
        }

        // The module's pass is complete: advance its watermark and go on with the next module.
        var watermarks = new Dictionary<string, DateTimeOffset>(state.Since, StringComparer.Ordinal);
        if (highWater is { } seen)
        {
            var reach = Min(seen, passStartedAt - settings.ClockSkew);
            watermarks[module] = since is { } previous && previous > reach ? previous : reach;
            Log.SweepCompleted(logger, module, watermarks[module]);
        }
        else
        {
            Log.NothingChanged(logger, module, since);
        }

        // Then the records deleted since the module's deletion watermark; before the first (a full sync), none matter.
        var deletedSince = new Dictionary<string, DateTimeOffset>(state.DeletedSince ?? new Dictionary<string, DateTimeOffset>(), StringComparer.Ordinal);
        var deletions = state with
        {
            Page = 1,
            PageToken = null,
            PassStartedAt = passStartedAt,
            HighWater = null,
            Since = watermarks,
            DeletedSince = deletedSince,
            Restarted = false,
            ReadingDeleted = true,
        };
        if ((state.DeletedSinceOf(module) ?? since) is { } from)
        {
            deletedSince[module] = from;
            return await DeletedPageAsync(deletions, modules, passStartedAt, accountRecords, contactRecords, cancellationToken);
        }

        deletedSince[module] = passStartedAt - settings.ClockSkew;
        return NextModule(deletions, modules, accountRecords, contactRecords, []);
    }

    /// <summary>
    /// Reads page <see cref="ZohoCursor.Page"/> of the module's deleted records (after <paramref name="accounts"/> and
    /// <paramref name="contacts"/>, the last records page of the pass, when it comes with them); the module's pass
    /// ends with the last page of deletions.
    /// </summary>
    private async Task<AccountPage> DeletedPageAsync(
        ZohoCursor state,
        IReadOnlyList<string> modules,
        DateTimeOffset passStartedAt,
        IReadOnlyList<CrmAccount> accounts,
        IReadOnlyList<CrmContact> contacts,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var module = state.Module;
        var since = state.DeletedSinceOf(module)!.Value;
        var page = await api.GetRecordsAsync(ZohoRecordsQuery.DeletedSince(module, settings.PageSize, state.Page, since), cancellationToken);
        List<string> deleted = [.. page.Records.Select(ZohoRecordMapper.Id).OfType<string>().Distinct(StringComparer.Ordinal)];
        var highWater = Max(state.HighWater, page.Records.Select(ZohoRecordMapper.DeletedAt).Max());
        Log.DeletedRead(logger, module, deleted.Count, since, state.Page, page.MoreRecords);

        if (page.MoreRecords && page.Records.Count > 0)
        {
            var next = state with { Page = state.Page + 1, HighWater = highWater };
            return WithDeletions(new AccountPage(accounts, contacts, next.ToString(), HasMore: true), module, deleted);
        }

        var deletedSince = new Dictionary<string, DateTimeOffset>(state.DeletedSince!, StringComparer.Ordinal);
        if (highWater is { } seen)
        {
            var reach = Min(seen, passStartedAt - settings.ClockSkew);
            deletedSince[module] = since > reach ? since : reach;
        }

        return NextModule(state with { DeletedSince = deletedSince }, modules, accounts, contacts, deleted);
    }

    /// <summary>The page that ends <paramref name="state"/>'s module: its cursor points at the next module's first page.</summary>
    private AccountPage NextModule(
        ZohoCursor state,
        IReadOnlyList<string> modules,
        IReadOnlyList<CrmAccount> accounts,
        IReadOnlyList<CrmContact> contacts,
        IReadOnlyList<string> deleted)
    {
        var index = IndexOf(modules, state.Module);
        var last = index == modules.Count - 1;
        var following = new ZohoCursor(modules[last ? 0 : index + 1], 1, null, null, null, state.Since) { DeletedSince = state.DeletedSince };
        return WithDeletions(new AccountPage(accounts, contacts, following.ToString(), HasMore: !last), state.Module, deleted);
    }

    /// <summary><paramref name="page"/> carrying <paramref name="deleted"/> as deleted accounts or contacts, by <paramref name="module"/>.</summary>
    private AccountPage WithDeletions(AccountPage page, string module, IReadOnlyList<string> deleted) =>
        deleted.Count == 0 ? page
        : module == options.Value.AccountsModule ? page with { DeletedAccountIds = deleted }
        : page with { DeletedContactIds = deleted };

    private ZohoCursor Read(string? cursor, IReadOnlyList<string> modules, DateTimeOffset? initialSyncFrom)
    {
        if (cursor is not null)
        {
            try
            {
                var parsed = ZohoCursor.Parse(cursor);
                if (IndexOf(modules, parsed.Module) >= 0)
                {
                    return parsed;
                }

                // The module list changed since the cursor was written: keep the watermarks, start over.
                return ZohoCursor.Start(modules[0], [], null) with { Since = parsed.Since, DeletedSince = parsed.DeletedSince };
            }
            catch (JsonException error)
            {
                Log.CursorUnreadable(logger, error);
            }
        }

        return ZohoCursor.Start(modules[0], modules, initialSyncFrom);
    }

    /// <summary>Zoho refused the page token the cursor carried: expired (<c>EXPIRED_VALUE</c>) or invalid (<c>INVALID_DATA</c> on <c>page_token</c>).</summary>
    private static bool PageTokenRefused(ZohoApiException error, ZohoCursor state) =>
        state.PageToken is not null
        && (error.Code == ExpiredValue
            || (error.Code == InvalidData && (error.ParamName == "page_token" || error.ParamName is null)));

    private bool HasId(JsonElement record, string module)
    {
        if (record.ValueKind == JsonValueKind.Object && record.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
        {
            return true;
        }

        Log.RecordWithoutId(logger, module);
        return false;
    }

    private static int IndexOf(IReadOnlyList<string> modules, string module)
    {
        for (var i = 0; i < modules.Count; i++)
        {
            if (string.Equals(modules[i], module, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
