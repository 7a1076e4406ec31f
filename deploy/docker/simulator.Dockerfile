# syntax=docker/dockerfile:1
# The ChargeWatch device simulator with its scenarios. Build context: the repository root
#   docker build -f deploy/docker/simulator.Dockerfile -t chargewatch-simulator .
#   docker run --rm chargewatch-simulator list

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ChargeWatch.Core/ChargeWatch.Core.csproj src/ChargeWatch.Core/
COPY simulator/ChargeWatch.Simulator/ChargeWatch.Simulator.csproj simulator/ChargeWatch.Simulator/
RUN dotnet restore simulator/ChargeWatch.Simulator/ChargeWatch.Simulator.csproj
COPY src/ChargeWatch.Core/ src/ChargeWatch.Core/
COPY simulator/ChargeWatch.Simulator/ simulator/ChargeWatch.Simulator/
RUN dotnet publish simulator/ChargeWatch.Simulator/ChargeWatch.Simulator.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Scenario paths are relative to the working directory: `run scenarios/demo.yaml`.
COPY simulator/scenarios/ ./scenarios/
USER app
ENTRYPOINT ["dotnet", "ChargeWatch.Simulator.dll"]
CMD ["list"]
