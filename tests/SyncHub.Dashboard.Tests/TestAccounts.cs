using SyncHub.Domain;
using SyncHub.Policies;

namespace SyncHub.Dashboard.Tests;

/// <summary>A CRM directory with a few accounts, found by the requester's e-mail domain or phone.</summary>
internal sealed class TestAccounts : IAccountDirectory
{
    public static readonly AccountSnapshot Acme = new("4200001", "ACME Ltda", "Gold", "Active");
    public static readonly AccountSnapshot Globex = new("4200002", "Globex Cloud", "Silver", "Customer");
    public static readonly AccountSnapshot Initech = new("4200003", "Initech", "Pro", "Trial");

    public Task<AccountSnapshot?> FindAsync(Requester requester, CancellationToken cancellationToken = default)
    {
        var domain = requester.Email?.Split('@').LastOrDefault();
        AccountSnapshot? account = domain switch
        {
            "acme.example" => Acme,
            "globex.example" => Globex,
            "initech.example" => Initech,
            _ => requester.Phone == "+5511988887777" ? Acme : null,
        };
        return Task.FromResult(account);
    }
}
