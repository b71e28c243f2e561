using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace Brands.Host.Tests.Infrastructure;

/// <summary>
/// The built Brands.Host as a process of its own on a loopback port (<c>dotnet Brands.Host.dll</c> from the host's
/// build output), so a test can run several nodes on one database and kill one with SIGKILL.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _logPath;
    private readonly StreamWriter _log;

    private HostProcess(Process process, int port, string name, string logPath, StreamWriter log)
    {
        _process = process;
        Port = port;
        Name = name;
        _logPath = logPath;
        _log = log;
    }

    public int Port { get; }

    public string Name { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public bool HasExited => _process.HasExited;

    /// <summary>Starts a host on PostgreSQL database <paramref name="connectionString"/> in Development, with the test administrator's password.</summary>
    public static HostProcess Start(string name, string connectionString, IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        var dll = HostDll();
        var chosenPort = port ?? FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{chosenPort.ToString(CultureInfo.InvariantCulture)}";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Database__Provider"] = "PostgreSql";
        start.Environment["ConnectionStrings__Brands"] = connectionString;
        start.Environment["Seed__AdminPassword"] = BrandsHostFactory.AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var logPath = Path.Combine(Path.GetTempPath(), $"brands-host-{name}-{Guid.NewGuid():N}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, chosenPort, name, logPath, log);
    }

    /// <summary>Waits until /health/ready answers 200; fails with the host's log when it exits or takes too long.</summary>
    public async Task WaitReadyAsync(TimeSpan patience)
    {
        using var client = CreateClient();
        var deadline = TimeProvider.System.GetUtcNow() + patience;
        while (true)
        {
            Assert.False(_process.HasExited, $"Host {Name} exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{ReadLog()}");
            try
            {
                using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Host {Name} was not ready within {patience}:\n{ReadLog()}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>SIGKILL: the process dies at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            return text.Length > 20_000 ? text[^20_000..] : text;
        }
        catch (IOException e)
        {
            return e.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
        File.Delete(_logPath);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }

    /// <summary>The host's own build output beside this test's: src/Host/Brands.Host/bin/&lt;configuration&gt;/&lt;framework&gt;/Brands.Host.dll.</summary>
    private static string HostDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Brands.Workflow.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var dll = Path.Combine(root.FullName, "src", "Host", "Brands.Host", "bin", configuration, framework, "Brands.Host.dll");
        Assert.True(File.Exists(dll), $"The host is not built at {dll}.");
        return dll;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
