namespace SyncHub.Host;

/// <summary>
/// <c>synchub healthcheck [url]</c>: exits 0 when the URL answers 200, 1 otherwise. The container image has
/// no curl, so its HEALTHCHECK calls the host binary itself.
/// </summary>
internal static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            await Console.Out.WriteLineAsync($"{(int)response.StatusCode} {url}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"unreachable {url}: {ex.Message}");
            return 1;
        }
    }
}
