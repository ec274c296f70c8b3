using Greenhouse.Dashboard;

// dotnet run --project tools/Greenhouse.Dashboard -- --demo            (embedded broker, simulated houses)
// dotnet Greenhouse.Dashboard.dll --settings /etc/greenhouse-dashboard/dashboard.json
DashboardOptions options;
try
{
    options = DashboardOptions.FromArgs(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("dashboard: " + e.Message);
    return 1;
}

await using DashboardApp app = await DashboardApp.StartAsync(options, Console.Out);
await app.WaitForShutdownAsync();
return 0;
