namespace HuiFang.Api.Infrastructure.Startup;

/// <summary>
/// Where the service finds <c>appsettings.json</c> (and, in embedded mode, its SQLite file). The host's
/// default is the current directory, so a published build started from anywhere else (a systemd unit
/// without WorkingDirectory, a script, <c>dotnet /opt/huifang/HuiFang.Api.dll</c>) found no settings and
/// stopped on the first setting they provide, with a message that did not say why. Now: the current
/// directory when it holds the settings, else the folder of the service's own files; a content root given
/// explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>) is used as given.
/// </summary>
public static class ContentRoot
{
    public const string SettingsFile = "appsettings.json";

    /// <summary>The folder to use, or null to leave the host's choice alone (it was given explicitly).</summary>
    public static string? Choose(string[] args, string currentDirectory, string baseDirectory, Func<string, string?> environment)
    {
        if (args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(environment("ASPNETCORE_CONTENTROOT")) || !string.IsNullOrEmpty(environment("DOTNET_CONTENTROOT")))
        {
            return null;
        }

        return File.Exists(Path.Combine(currentDirectory, SettingsFile)) || !File.Exists(Path.Combine(baseDirectory, SettingsFile))
            ? currentDirectory
            : baseDirectory;
    }

    /// <summary>
    /// Stops the start-up, naming the file and the folders looked in, when the content root has no settings
    /// file: every default of the service is in it, and without it the first failing setting would be blamed.
    /// </summary>
    public static void EnsureSettingsFile(string contentRoot, string baseDirectory)
    {
        if (!File.Exists(Path.Combine(contentRoot, SettingsFile)))
        {
            throw new FileNotFoundException(
                $"{SettingsFile} was not found in the content root {contentRoot}" +
                (Path.GetFullPath(contentRoot) == Path.GetFullPath(baseDirectory) ? "" : $" nor next to the service's files in {baseDirectory}") +
                ". It holds the service's defaults: start the service from the folder that holds it, or pass --contentRoot <folder>.",
                Path.Combine(contentRoot, SettingsFile));
        }
    }
}
