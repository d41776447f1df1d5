using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ImAdmin.Base;

namespace ImAdmin.Module
{
    /// <summary>
    /// Runs on Import-Module and Remove-Module. On Windows PowerShell 5.1 (.NET Framework) it serves System.Text.Json
    /// and its dependencies from the module's dependencies/ folder by simple name (5.1 has no binding redirects for
    /// them), and adds TLS 1.2 to the enabled protocols. On PowerShell 7 the runtime's own System.Text.Json is used.
    /// This class must not touch engine types: they may not be loadable until the resolver is in place.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        private static bool IsDesktop =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        public void OnImport()
        {
            if (IsDesktop) PrepareDesktop();
        }

        // Its own method, never inlined: compiling it loads the System.Net assemblies of ServicePointManager, which
        // PowerShell 7 would otherwise load on every Import-Module for nothing.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void PrepareDesktop()
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
            // Add, never overwrite: the machine may already allow more.
            ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;
            // .NET Framework allows 2 connections per host outside ASP.NET, which would serialize bulk calls.
            if (ServicePointManager.DefaultConnectionLimit < 16) ServicePointManager.DefaultConnectionLimit = 16;
        }

        public void OnRemove(PSModuleInfo module)
        {
            SessionRegistry.Current.Clear();
            if (IsDesktop) AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        }

        private static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (name == null) return null;
            var path = Path.Combine(DependencyFolder, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
