namespace SyncHub.Adapters.Email.Tests.Servers;

/// <summary>The private folder a test server keeps its configuration, state and mail in.</summary>
internal static class TempFolder
{
    public static string Create(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Removes the folder; a leftover in the temp folder is no reason to fail a test run.</summary>
    public static void Delete(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
