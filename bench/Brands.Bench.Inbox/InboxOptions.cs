using System.Globalization;

namespace Brands.Bench.Inbox;

/// <summary>The command line: where the host and its database are, how many tasks to generate, how often to ask.</summary>
internal sealed record InboxOptions(Uri Url, string Connection, int Tasks, int Requests, string AdminPassword, IReadOnlyList<string> Pages)
{
    public const string Usage =
        "usage: Brands.Bench.Inbox --url http://127.0.0.1:PORT --connection \"Host=…;Database=…\" [--tasks 1000000] "
        + "[--requests 310] [--admin-password Admin123!] [--page /inbox ...]";

    public static InboxOptions Parse(string[] args)
    {
        Uri? url = null;
        string? connection = null;
        var tasks = 1_000_000;
        var requests = 310;
        var adminPassword = "Admin123!";
        var pages = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--url": url = new Uri(value); break;
                case "--connection": connection = value; break;
                case "--tasks": tasks = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--requests": requests = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--admin-password": adminPassword = value; break;
                case "--page": pages.Add(value); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }

            i++;
        }

        return new InboxOptions(
            url ?? throw new ArgumentException("--url is required."),
            connection ?? throw new ArgumentException("--connection is required."),
            tasks, requests, adminPassword, pages);
    }
}
