using SyncHub.Accounts;
using SyncHub.Adapters;
using SyncHub.Domain;

namespace SyncHub.Dashboard.Tests;

/// <summary>A few CRM accounts, written into the hub's real directory as a CRM sync would: found by e-mail domain or phone.</summary>
internal static class TestAccounts
{
    public static readonly AccountSnapshot Acme = new("4200001", "ACME Ltda", "Gold", "Active");
    public static readonly AccountSnapshot Globex = new("4200002", "Globex Cloud", "Silver", "Customer");
    public static readonly AccountSnapshot Initech = new("4200003", "Initech", "Pro", "Trial");

    private static readonly DateTimeOffset Modified = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Task FillAsync(IAccountDirectoryStore directory) => directory.UpsertAsync(
        [
            Account(Acme, "acme.example", "+5511988887777"),
            Account(Globex, "globex.example"),
            Account(Initech, "initech.example"),
        ],
        []);

    private static CrmAccount Account(AccountSnapshot snapshot, string domain, params string[] phones) =>
        new(snapshot.CrmId, snapshot.Name, snapshot.Plan, snapshot.Status, null, [domain], phones, Modified);
}
