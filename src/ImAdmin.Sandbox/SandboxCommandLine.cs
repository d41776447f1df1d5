using System.Text;

namespace ImAdmin.Sandbox;

/// <summary>Command-line options of the sandbox and the banner that tells a newcomer how to connect.</summary>
public static class SandboxCommandLine
{
    public const string Usage = """
        ImAdmin sandbox: local WuKongIM, Tencent Cloud IM and WildfireChat admin APIs for trying ImAdmin.

        Options:
          --wukongim-port N   WuKongIM API port (default 5001)
          --tencent-port N    Tencent Cloud IM REST port (default 5080)
          --wildfire-port N   WildfireChat admin port (default 18080)
          --no-token          run WuKongIM without a manager token
          --wukongim-version V  WuKongIM release to emulate (default v2.2.5-20260422; v2.2.1-v2.2.3 have the old /event)
          --wukongim-search-plugin  install the wk.plugin.search plugin (message search)
          --wukongim-store-delay MS  accepted WuKongIM sends become readable MS milliseconds after their answer
          --wildfire-professional  emulate a WildfireChat professional-edition server (message delete, update, clear, ...)
          --no-seed           start empty (default: demo users, connections and messages)
          --ready-file PATH   when listening, write the addresses and credentials there as JSON (for scripts)
          --parent-pid N      stop when process N exits (test runners)
          --stop-after SEC    stop after SEC seconds
          --help              this text
        """;

    public static SandboxOptions? Parse(string[] args)
    {
        var options = new SandboxOptions { WuKongIMPort = 5001, TencentPort = 5080, WildfirePort = 18080, Seed = true };
        for (var i = 0; i < args.Length; i++)
        {
            int Port() => i + 1 < args.Length && int.TryParse(args[++i], out var p) && p is >= 0 and <= 65535
                ? p
                : throw new ArgumentException($"{args[i - 1]} needs a port number between 0 and 65535.");
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => int.TryParse(Value(), out var n) && n > 0 ? n : throw new ArgumentException($"{args[i - 1]} needs a positive number.");
            try
            {
                options = args[i] switch
                {
                    "--wukongim-port" => options with { WuKongIMPort = Port() },
                    "--tencent-port" => options with { TencentPort = Port() },
                    "--wildfire-port" => options with { WildfirePort = Port() },
                    "--no-token" => options with { WuKongToken = null },
                    "--wukongim-version" => options with { WuKongVersion = Value() },
                    "--wukongim-search-plugin" => options with { WuKongSearchPlugin = true },
                    "--wukongim-store-delay" => options with { WuKongStoreDelay = TimeSpan.FromMilliseconds(Number()) },
                    "--wildfire-professional" => options with { WildfireProfessional = true },
                    "--no-seed" => options with { Seed = false },
                    "--ready-file" => options with { ReadyFile = Value() },
                    "--parent-pid" => options with { ParentProcessId = Number() },
                    "--stop-after" => options with { StopAfter = TimeSpan.FromSeconds(Number()) },
                    "--help" or "-h" or "-?" => null,
                    _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
                };
            }
            catch (ArgumentException ex)
            {
                Console.Error.WriteLine(ex.Message);
                Console.Error.WriteLine(Usage);
                return null;
            }
            if (options == null)
            {
                Console.WriteLine(Usage);
                return null;
            }
        }
        return options;
    }

    public static string Banner(SandboxHost host)
    {
        var o = host.Options;
        var text = new StringBuilder();
        text.AppendLine("ImAdmin sandbox is running (127.0.0.1 only). Connect from PowerShell with:");
        text.AppendLine();
        text.AppendLine("  # WuKongIM");
        text.AppendLine(o.WuKongToken == null
            ? $"  Connect-ImServer -Provider WuKongIM -Uri {Trim(host.WuKongServer.BaseUri)}"
            : $"  Connect-ImServer -Provider WuKongIM -Uri {Trim(host.WuKongServer.BaseUri)} -Token (ConvertTo-SecureString '{o.WuKongToken}' -AsPlainText -Force)");
        text.AppendLine("  # Tencent Cloud IM");
        text.AppendLine($"  Connect-ImServer -SdkAppId {o.TencentSdkAppId} -Uri {Trim(host.TencentServer.BaseUri)} -Identifier {o.TencentAdmins[0]} -SecretKey (ConvertTo-SecureString '{o.TencentSecretKey}' -AsPlainText -Force)");
        text.AppendLine("  # WildfireChat");
        text.AppendLine($"  Connect-ImServer -Uri {Trim(host.WildfireServer.BaseUri)} -Secret (ConvertTo-SecureString '{o.WildfireSecret}' -AsPlainText -Force)");
        text.AppendLine();
        text.Append("These are sandbox-only credentials. Press Ctrl+C to stop.");
        return text.ToString();
    }

    /// <summary>What scripts need to connect, as JSON: the sandbox-only credentials and the three addresses.</summary>
    public static string ReadyJson(SandboxHost host) => System.Text.Json.JsonSerializer.Serialize(new
    {
        wuKongIM = Trim(host.WuKongServer.BaseUri),
        tencent = Trim(host.TencentServer.BaseUri),
        wildfire = Trim(host.WildfireServer.BaseUri),
        wuKongToken = host.Options.WuKongToken,
        tencentSdkAppId = host.Options.TencentSdkAppId,
        tencentSecretKey = host.Options.TencentSecretKey,
        tencentIdentifier = host.Options.TencentAdmins[0],
        wildfireSecret = host.Options.WildfireSecret,
        processId = Environment.ProcessId,
    });

    private static string Trim(Uri uri) => uri.AbsoluteUri.TrimEnd('/');
}
