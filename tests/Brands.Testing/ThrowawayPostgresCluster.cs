using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Brands.Testing;

/// <summary>
/// A PostgreSQL cluster of this test process alone: initdb into a temporary folder, pg_ctl start on a free
/// loopback port, stopped and deleted when the process exits. Tuned for tests (fsync off): never for data to keep.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root, so as root every server command runs through <c>runuser -u postgres --</c>
/// in a folder owned by that user. A folder left behind by a killed test process (its name carries the pid) is
/// stopped and removed by the next process that starts a cluster.
/// </remarks>
internal sealed class ThrowawayPostgresCluster
{
    private const string FolderPrefix = "brands-pg-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _binDirectory;
    private readonly string _root;
    private int _stopped;

    private ThrowawayPostgresCluster(string binDirectory, string root, int port)
    {
        _binDirectory = binDirectory;
        _root = root;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Include Error Detail=true";

    private string DataDirectory => Path.Combine(_root, "data");

    public static ThrowawayPostgresCluster Start()
    {
        var bin = FindBinDirectory();
        RemoveOrphans(bin);

        var root = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..(FolderPrefix.Length + 20)]);
        Directory.CreateDirectory(root);
        if (Environment.IsPrivilegedProcess)
        {
            Run("chown", ["postgres:postgres", root]);
        }

        var cluster = new ThrowawayPostgresCluster(bin, root, 0);
        try
        {
            RunAsServerUser(Path.Combine(bin, "initdb"),
                ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
            for (var attempt = 1; ; attempt++)
            {
                var port = FreeLoopbackPort();
                try
                {
                    RunAsServerUser(Path.Combine(bin, "pg_ctl"),
                    [
                        "-D", cluster.DataDirectory, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "60",
                        "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                              + "-c full_page_writes=off -c max_connections=300 -c checkpoint_timeout=30min",
                        "start",
                    ]);
                    var started = new ThrowawayPostgresCluster(bin, root, port);
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => started.Stop();
                    return started;
                }
                catch (InvalidOperationException) when (attempt < 5)
                {
                    // Another process took the port between our probe and the server's bind; try another one.
                }
            }
        }
        catch
        {
            TryDelete(root);
            throw;
        }
    }

    /// <summary>Stops the server at once (its data is throwaway) and deletes the folder.</summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            RunAsServerUser(Path.Combine(_binDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped: nothing to do but delete the folder.
        }

        TryDelete(_root);
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(c => File.Exists(Path.Combine(c.Bin, "pg_ctl")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Bin)
            : [];
        var fromPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")) && File.Exists(Path.Combine(d, "initdb")));
        return candidates.Concat(fromPath).FirstOrDefault()
            ?? throw new InvalidOperationException(
                "No PostgreSQL server binaries found under /usr/lib/postgresql/*/bin or on PATH. Install them " +
                $"(apt-get install -y postgresql) or set {PostgresServer.ConnectionStringVariable} to a server's connection string.");
    }

    private static void RemoveOrphans(string bin)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pidText = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || IsAlive(pid))
            {
                continue;
            }

            try
            {
                RunAsServerUser(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // It was not running.
            }

            TryDelete(folder);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void RunAsServerUser(string executable, IReadOnlyList<string> arguments)
    {
        if (Environment.IsPrivilegedProcess)
        {
            Run("runuser", ["-u", "postgres", "--", executable, .. arguments]);
        }
        else
        {
            Run(executable, arguments);
        }
    }

    private static void Run(string executable, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} did not finish within {CommandTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{executable} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{stdout.Result}\n{stderr.Result}");
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
