# The NBD gateway (a silo of the cluster that holds no data when CLUSTERRAMDISK_REDIS is set). Build from the repository root:
#   docker build -f deploy/gateway.Dockerfile .
# SDK_IMAGE/RUNTIME_IMAGE can be swapped (the compose test uses one locally built Debian image for both).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY Grains.Interfaces/ Grains.Interfaces/
COPY Grains/ Grains/
COPY Silo/ Silo/
COPY Gateway/ Gateway/
RUN dotnet publish Gateway/Gateway.csproj -c Release -o /app --nologo

FROM ${RUNTIME_IMAGE}
RUN useradd --system --user-group --uid 10001 --no-create-home clusterramdisk
WORKDIR /app
COPY --from=build /app/ ./
COPY deploy/advertise-address.sh /usr/local/bin/
USER clusterramdisk
EXPOSE 10809
ENTRYPOINT ["advertise-address.sh", "dotnet", "/app/ClusterRamDisk.Gateway.dll"]
CMD ["--foreground", "memory", "1G"]
