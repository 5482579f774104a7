using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SyncHub.Adapters;
using SyncHub.Domain;
using static SyncHub.Adapters.Freshcaller.Tests.FreshcallerFake;

namespace SyncHub.Adapters.Freshcaller.Tests;

/// <summary>The customer-facing summary an agent marks in the call notes, and what stays internal.</summary>
public sealed class FreshcallerCallMapperTests
{
    private const string Marker = FreshcallerOptions.DefaultCustomerSummaryMarker;

    private static FreshcallerCall CallWithNotes(string? notes) =>
        Call(701, "2026-11-30T11:40:00Z", notes: notes).Deserialize<FreshcallerCall>(FreshcallerJson.Options)!;

    [Theory]
    [InlineData("Caller angry.\nCustomer summary: We restarted your instance.\n\nInternal: check disk.", "We restarted your instance.")]
    [InlineData("Caller angry.\n  customer SUMMARY:We restarted your instance.\nIt is back online.\n\nInternal: check disk.", "We restarted your instance.\nIt is back online.")]
    [InlineData("Customer summary:\nWe restarted your instance.\r\nIt is back online.", "We restarted your instance.\nIt is back online.")]
    [InlineData("Customer summary: Restarted.\n\nCustomer summary: a second one is ignored", "Restarted.")]
    public void CustomerSummary_MarkedLine_IsTheTextAfterTheMarkerUpToABlankLine(string notes, string expected) =>
        Assert.Equal(expected, FreshcallerCallMapper.CustomerSummary(notes, Marker));

    [Theory]
    [InlineData("Caller angry, suspects data loss. Escalate to dev.")]
    [InlineData("The customer summary: is not at the start of a line")]
    [InlineData("Customer summary:   \n\nnothing after the marker")]
    [InlineData("")]
    [InlineData(null)]
    public void CustomerSummary_NothingMarked_IsNull(string? notes) =>
        Assert.Null(FreshcallerCallMapper.CustomerSummary(notes, Marker));

    [Fact]
    public void CustomerSummary_NoMarkerConfigured_IsNull() =>
        Assert.Null(FreshcallerCallMapper.CustomerSummary("Customer summary: Restarted.", ""));

    [Fact]
    public void CustomerSummary_LongerThanADiagnostic_IsCutAtAWord()
    {
        var summary = FreshcallerCallMapper.CustomerSummary("Customer summary: " + string.Concat(Enumerable.Repeat("word ", 3000)), Marker);

        Assert.NotNull(summary);
        Assert.True(summary.Length <= RecordLimits.MaxDiagnosticLength);
        Assert.EndsWith("word", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRecord_NotesWithAMarkedSummary_CarryOnlyThatInTheDiagnosticAndKeepTheNotesAsTheBody()
    {
        const string notes = "Caller furious, threatens to cancel.\nCustomer summary: We reset your password; log in again.\n\nTODO: check the SSO logs.";

        var record = FreshcallerCallMapper.ToRecord(CallWithNotes(notes), FreshcallerSettings.Now);

        Assert.Equal("We reset your password; log in again.", record.Diagnostics[CallDiagnostics.CustomerSummary]);
        Assert.Equal(notes, record.Body);
        Assert.Equal("184", record.Diagnostics[CallDiagnostics.Duration]);
        Assert.Equal("João Gabriel", record.Diagnostics[CallDiagnostics.Agent]);
    }

    [Fact]
    public void ToRecord_NotesWithoutAMarkedSummary_HaveNoSummaryDiagnostic()
    {
        var record = FreshcallerCallMapper.ToRecord(CallWithNotes("Caller furious, threatens to cancel."), FreshcallerSettings.Now);

        Assert.False(record.Diagnostics.ContainsKey(CallDiagnostics.CustomerSummary));
        Assert.Equal("Caller furious, threatens to cancel.", record.Body);
    }

    [Fact]
    public async Task Webhook_ConfiguredMarker_IsTheOneThatMarksTheSummary()
    {
        using var freshcaller = new FreshcallerFake();
        using var sut = FreshcallerSettings.Harness(freshcaller, new Dictionary<string, string?> { ["CustomerSummaryMarker"] = "Para o cliente:" });
        var call = Call(702, "2026-11-30T11:50:00Z", notes: "Cliente irritado.\nPara o cliente: Reiniciamos o seu servidor.\nCustomer summary: not the configured marker");
        var request = new WebhookRequest(
            "POST",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Webhook-Secret"] = FreshcallerSettings.WebhookSecret },
            new Dictionary<string, string>(),
            Encoding.UTF8.GetBytes(new JsonObject { ["call"] = call }.ToJsonString()));

        var result = await sut.Webhook("freshcaller").ReadAsync(request, CancellationToken.None);

        var record = Assert.Single(Assert.IsType<WebhookResult.Accepted>(result).Records);
        Assert.Equal("Reiniciamos o seu servidor.\nCustomer summary: not the configured marker", record.Diagnostics[CallDiagnostics.CustomerSummary]);
    }
}
