# The host, built with the .NET SDK and run on the ASP.NET Core runtime image as a non-root user.
#   docker build -t brands-workflow-host .
# The designer's bundle (README "The designer"), built with Node: the .NET SDK image has none.
FROM node:22-bookworm-slim AS designer
WORKDIR /src/src/Designer
COPY src/Designer/package.json src/Designer/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Designer/ ./
# Vite writes into the host's wwwroot: /src/src/Host/Brands.Host/wwwroot/designer.
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files alone, so a source change does not download packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Workflows/Brands.Workflows/Brands.Workflows.csproj src/Workflows/Brands.Workflows/
COPY src/Workflows/Brands.Workflows.EntityFrameworkCore/Brands.Workflows.EntityFrameworkCore.csproj src/Workflows/Brands.Workflows.EntityFrameworkCore/
COPY src/Host/Brands.Host/Brands.Host.csproj src/Host/Brands.Host/
RUN dotnet restore src/Host/Brands.Host/Brands.Host.csproj

COPY . .
COPY --from=designer /src/src/Host/Brands.Host/wwwroot/designer src/Host/Brands.Host/wwwroot/designer
# The bundle is already built; the host's build would otherwise look for npm.
RUN dotnet publish src/Host/Brands.Host -c Release -o /app -p:BuildDesigner=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's own unprivileged user; the data folder is the only place the host writes to.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
USER $APP_UID
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=1
EXPOSE 8080
ENTRYPOINT ["dotnet", "Brands.Host.dll"]
