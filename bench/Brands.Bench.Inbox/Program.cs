using System.Text.Json;
using Brands.Bench.Inbox;

// The inbox under a million open tasks (bench/README.md, "The inbox under a million tasks"): provisions 31
// provinces through the host's API, generates the tasks in SQL, then times the API task query and the given pages
// for the provincial reviewers, through HTTP. Prints one JSON line on stdout.
InboxOptions options;
try
{
    options = InboxOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(InboxOptions.Usage);
    return 2;
}

using var api = new HostApi(options.Url);
await api.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
await InboxSeeder.SeedAsync(api, options.AdminPassword);
var generatedSeconds = await TaskGenerator.GenerateAsync(options.Connection, options.Tasks);

var tokens = new List<HttpClient>();
var cookies = new List<HttpClient>();
foreach (var province in Provinces.Codes)
{
    tokens.Add(await api.SignInWithTokenAsync(Provinces.Reviewer(province), InboxSeeder.Password));
    if (options.Pages.Count > 0)
    {
        cookies.Add(await api.SignInWithCookieAsync(Provinces.Reviewer(province), InboxSeeder.Password));
    }
}

var results = new List<object>
{
    await InboxMeasurement.MeasureAsync(tokens, "/api/tasks", options.Requests, json: true),
    await InboxMeasurement.MeasureAsync(tokens, "/api/tasks?candidate=true", options.Requests, json: true),
};
foreach (var page in options.Pages)
{
    results.Add(await InboxMeasurement.MeasureAsync(cookies, page, options.Requests, json: false));
}

Console.WriteLine(JsonSerializer.Serialize(new { tasks = options.Tasks, generatedSeconds = Math.Round(generatedSeconds, 1), results }));
foreach (var client in tokens.Concat(cookies))
{
    client.Dispose();
}

return 0;
