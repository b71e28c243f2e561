using Brands.Host.Infrastructure;
using Brands.Host.Infrastructure.Api;
using Brands.Host.Infrastructure.Audit;
using Brands.Host.Infrastructure.Auth;
using Brands.Host.Infrastructure.Calendar;
using Brands.Host.Infrastructure.Cases;
using Brands.Host.Infrastructure.Designer;
using Brands.Host.Infrastructure.Documents;
using Brands.Host.Infrastructure.Persistence;
using Brands.Host.Infrastructure.Web;
using Brands.Host.Infrastructure.Workflows;

var builder = WebApplication.CreateBuilder(args);
builder.AddPersistence();
builder.AddAuth();
builder.AddCalendars();
builder.AddWorkflows();
builder.AddDocuments();
builder.AddAudit();
builder.AddCaseView();
builder.AddApi();
builder.AddWebApp();

var app = builder.Build();
app.UseApi();
app.UseDesigner();
app.UseWebApp();
await app.PrepareAsync();
await app.RunAsync();
