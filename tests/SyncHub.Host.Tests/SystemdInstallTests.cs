using System.Diagnostics;
using System.Globalization;
using SyncHub.Host.Configuration;

namespace SyncHub.Host.Tests;

/// <summary>
/// Install on a server: the unit in compose/ is one systemd accepts (<c>systemd-analyze verify</c> where the tool is
/// installed), starts the binary the image runs, is notified when the hub is ready and waits for its stop; the install
/// script is valid bash, refuses to run without root and takes every step the README lists.
/// </summary>
public sealed class SystemdInstallTests
{
    private static readonly string UnitPath = Path.Combine(Repository.Root, "compose", "synchub.service");
    private static readonly string ScriptPath = Path.Combine(Repository.Root, "compose", "install-systemd.sh");

    [Fact]
    public async Task Unit_IsOneSystemdAccepts()
    {
        var unit = SystemdUnit.Read(UnitPath);
        Assert.Equal(["Unit", "Service", "Install"], unit.Entries.Select(e => e.Section).Distinct());
        Assert.Equal("multi-user.target", unit.Value("Install", "WantedBy"));

        var analyze = await WhichAsync("systemd-analyze");
        if (analyze is null)
        {
            return;
        }

        // verify checks that ExecStart's program exists: point it at a stand-in of the same name in a scratch folder.
        var scratch = Directory.CreateTempSubdirectory("synchub-unit-");
        try
        {
            var program = Path.Combine(scratch.FullName, "bin", Path.GetFileName(unit.Value("Service", "ExecStart")!.Split(' ')[0]));
            Directory.CreateDirectory(Path.GetDirectoryName(program)!);
            StandIn(program);
            var copy = Path.Combine(scratch.FullName, "synchub.service");
            await File.WriteAllLinesAsync(copy, File.ReadLines(UnitPath).Select(l => l.StartsWith("ExecStart=", StringComparison.Ordinal) ? "ExecStart=" + program : l));

            var (code, output) = await RunAsync(analyze, "verify", "--man=no", "--generators=no", copy);

            // verify exits 0 on an unknown key or a value it cannot parse, and says so: any output is a finding.
            Assert.True(code == 0 && output.Trim().Length == 0, $"systemd-analyze verify exited {code}:\n{output}");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    [Fact]
    public void Unit_NotifiesReadyWaitsForTheStopAndRunsThePublishedBinary()
    {
        var unit = SystemdUnit.Read(UnitPath);
        var execStart = unit.Value("Service", "ExecStart")!.Split(' ')[0];

        Assert.Equal("notify", unit.Value("Service", "Type"));
        Assert.True(
            TimeSpan.FromSeconds(int.Parse(unit.Value("Service", "TimeoutStopSec")!, CultureInfo.InvariantCulture)) >= new HubOptions().ShutdownTimeout,
            "TimeoutStopSec is shorter than the default SyncHub:ShutdownTimeout: systemd would kill a hub still stopping on time");
        Assert.Equal(Path.GetFileName(ContainerFiles.Read().EntryPoint[0]), Path.GetFileName(execStart));
        Assert.Equal(unit.Value("Service", "WorkingDirectory"), Path.GetDirectoryName(execStart));
        Assert.Equal("on-failure", unit.Value("Service", "Restart"));
        Assert.Equal("synchub", unit.Value("Service", "User"));
        Assert.Equal("/etc/synchub/synchub.env", unit.Value("Service", "EnvironmentFile")!.TrimStart('-'));
        Assert.Equal("true", unit.Value("Service", "NoNewPrivileges"));
        Assert.Equal("strict", unit.Value("Service", "ProtectSystem"));
        Assert.Equal("/var/lib/" + unit.Value("Service", "StateDirectory"), unit.Value("Service", "ReadWritePaths"));
    }

    [Fact]
    public async Task InstallScript_IsValidBashAndRefusesToRunWithoutRoot()
    {
        var (syntax, syntaxOutput) = await RunAsync("bash", "-n", ScriptPath);
        Assert.True(syntax == 0, syntaxOutput);

        using var publish = PublishFolder.Create();
        (int Code, string Output) refused;
        if (Environment.UserName == "root")
        {
            var setpriv = await WhichAsync("setpriv");
            Assert.NotNull(setpriv);
            refused = await RunAsync(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "bash", ScriptPath, publish.Path);
        }
        else
        {
            refused = await RunAsync("bash", ScriptPath, publish.Path);
        }

        Assert.Equal(1, refused.Code);
        Assert.Contains("must run as root", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstallScript_TakesEveryStepOfTheReadmeAndChecksThePublishFolder()
    {
        using var publish = PublishFolder.Create();

        var (code, output) = await RunAsync("bash", ScriptPath, "--dry-run", publish.Path);

        Assert.True(code == 0, output);
        Assert.Matches("useradd --system .* synchub|user synchub exists", output);
        Assert.Contains("install -d -o root -g root -m 0755 /opt/synchub /opt/synchub/plugins", output, StringComparison.Ordinal);
        Assert.Contains($"cp -R {publish.Path}/. /opt/synchub/", output, StringComparison.Ordinal);
        Assert.Matches("/etc/synchub/synchub.env (exists: kept|from .*synchub.env.sample)", output);
        Assert.Contains("synchub.service /etc/systemd/system/synchub.service", output, StringComparison.Ordinal);
        Assert.Contains("systemctl daemon-reload", output, StringComparison.Ordinal);
        Assert.Contains("systemctl enable synchub", output, StringComparison.Ordinal);
        Assert.Contains("systemctl restart synchub", output, StringComparison.Ordinal);
        Assert.Contains("journalctl -u synchub", output, StringComparison.Ordinal);

        var readme = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "README.md"));
        foreach (var step in new[] { "dotnet publish", "useradd", "/etc/synchub/synchub.env", "systemctl enable", "journalctl -u synchub", "compose/install-systemd.sh" })
        {
            Assert.Contains(step, readme, StringComparison.Ordinal);
        }

        var (missing, missingOutput) = await RunAsync("bash", ScriptPath, "--dry-run", Path.Combine(publish.Path, "nothing-here"));
        Assert.Equal(2, missing);
        Assert.Contains("dotnet publish", missingOutput, StringComparison.Ordinal);
    }

    /// <summary>An executable that stands in for the published <c>synchub</c> binary.</summary>
    private static void StandIn(string path)
    {
        File.WriteAllText(path, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    private static async Task<string?> WhichAsync(string tool)
    {
        var (code, output) = await RunAsync("bash", "-c", $"command -v {tool}");
        return code == 0 ? output.Trim() : null;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>A scratch folder standing in for <c>dotnet publish</c>'s output: an executable <c>synchub</c>.</summary>
    private sealed class PublishFolder : IDisposable
    {
        private PublishFolder(string path) => Path = path;

        public string Path { get; }

        public static PublishFolder Create()
        {
            var folder = Directory.CreateTempSubdirectory("synchub-publish-").FullName;
            StandIn(System.IO.Path.Combine(folder, "synchub"));
            return new PublishFolder(folder);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
