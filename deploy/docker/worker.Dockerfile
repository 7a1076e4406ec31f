# syntax=docker/dockerfile:1
# The ChargeWatch worker. Build context: the repository root
#   docker build -f deploy/docker/worker.Dockerfile -t chargewatch-worker .
# (docker compose does this for the `worker` service).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Build policy and central package versions first, then project files, so `restore` is cached
# until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ChargeWatch.Core/ChargeWatch.Core.csproj src/ChargeWatch.Core/
COPY src/ChargeWatch.Worker/ChargeWatch.Worker.csproj src/ChargeWatch.Worker/
RUN dotnet restore src/ChargeWatch.Worker/ChargeWatch.Worker.csproj
COPY src/ChargeWatch.Core/ src/ChargeWatch.Core/
COPY src/ChargeWatch.Worker/ src/ChargeWatch.Worker/
RUN dotnet publish src/ChargeWatch.Worker/ChargeWatch.Worker.csproj -c Release --no-restore -o /app

# The plain .NET runtime: the health and metrics endpoint is an HttpListener, no ASP.NET Core.
FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Spool, dead letters and alert state live in a volume the non-root user owns.
RUN mkdir -p /var/lib/chargewatch && chown app:app /var/lib/chargewatch
ENV ChargeWatch__DataDirectory=/var/lib/chargewatch \
    DOTNET_gcServer=0
USER app
VOLUME /var/lib/chargewatch
# SIGTERM = graceful shutdown: stop consuming, flush, acknowledge, exit 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "ChargeWatch.Worker.dll"]
