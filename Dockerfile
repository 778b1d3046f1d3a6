# HuiFang API image: built with the SDK, run on the ASP.NET runtime as the image's non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The runtime the image is for: the publish then carries only that platform's native libraries (SQLite's
# for linux-x64 instead of 22 platforms). An arm64 image: --build-arg RUNTIME=linux-arm64.
ARG RUNTIME=linux-x64
# Where certificate revocation servers cannot be reached, NuGet waits on each package signature's check:
# --build-arg NUGET_CERT_REVOCATION_MODE=offline (unset: NuGet's default, online).
ARG NUGET_CERT_REVOCATION_MODE
WORKDIR /src
# Restore first, from the project files alone, so that source edits keep the package layer cached.
COPY global.json Directory.Build.props Directory.Packages.props HuiFang.sln ./
COPY src/HuiFang.Api/HuiFang.Api.csproj src/HuiFang.Api/
COPY src/HuiFang.Contracts/HuiFang.Contracts.csproj src/HuiFang.Contracts/
RUN dotnet restore src/HuiFang.Api/HuiFang.Api.csproj -r $RUNTIME -p:UseAppHost=false
COPY src/ src/
RUN dotnet publish src/HuiFang.Api/HuiFang.Api.csproj -c Release -r $RUNTIME --self-contained false -o /app --no-restore -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# Only needed when the image runs in embedded (SQLite) mode; owned by the non-root user.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production
USER $APP_UID
EXPOSE 8080
# The service checks itself (no curl in the image): exit 0 when /health/live answers.
HEALTHCHECK --interval=15s --timeout=6s --start-period=30s --retries=3 \
    CMD ["dotnet", "HuiFang.Api.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "HuiFang.Api.dll"]
