# The silo process. Build from the repository root:
#   docker build -f deploy/silo.Dockerfile .
# SDK_IMAGE/RUNTIME_IMAGE can be swapped (the compose test uses one locally built Debian image for both).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY Grains.Interfaces/ Grains.Interfaces/
COPY Grains/ Grains/
COPY Silo/ Silo/
RUN dotnet publish Silo/Silo.csproj -c Release -o /app --nologo

FROM ${RUNTIME_IMAGE}
RUN useradd --system --user-group --uid 10001 --no-create-home clusterramdisk
WORKDIR /app
COPY --from=build /app/ ./
COPY deploy/advertise-address.sh deploy/silo-healthcheck.sh /usr/local/bin/
USER clusterramdisk
ENTRYPOINT ["advertise-address.sh", "dotnet", "/app/ClusterRamDisk.Silo.dll"]
HEALTHCHECK --interval=2s --timeout=5s --start-period=60s --retries=3 CMD ["silo-healthcheck.sh"]
