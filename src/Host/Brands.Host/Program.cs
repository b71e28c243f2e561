using Brands.Host.Infrastructure;
using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Background;
using Brands.Host.Infrastructure.Calendar;
using Brands.Host.Infrastructure.Designer;
using Brands.Host.Infrastructure.Persistence;
using Brands.Host.Infrastructure.Workflows;

var builder = WebApplication.CreateBuilder(args);
builder.AddPersistence();
builder.AddAuth();
builder.AddCalendars();
builder.AddWorkflows();
builder.AddBackground();
builder.AddApi();

var app = builder.Build();
app.UseApi();
app.UseBackground();
app.UseDesigner();
await app.PrepareAsync();
await app.RunAsync();
