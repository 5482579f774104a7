using Microsoft.Playwright;

namespace SyncHub.Dashboard.Tests;

/// <summary>
/// Keyboard focus as an agent relies on it: the element is the page's active element, so what they type goes there.
/// Playwright's <c>ToBeFocusedAsync</c> also wants the browser window focused, which a headless page beside the others of
/// a parallel run may briefly not be (it then reports the element as "inactive" although it has the page's focus).
/// </summary>
internal static class FocusAssertions
{
    public static async Task ExpectFocusedAsync(ILocator locator)
    {
        ArgumentNullException.ThrowIfNull(locator);
        var element = await locator.ElementHandleAsync();
        await locator.Page.WaitForFunctionAsync("e => e === document.activeElement", element, new() { Timeout = 15_000 });
    }
}
