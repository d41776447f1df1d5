# Sourced by tests/run.sh and examples/run-demo.sh: restores the pinned PowerShell .NET tool
# (.config/dotnet-tools.json, run as `dotnet pwsh`) and the Pester module (tests/tools/TestTools.csproj), and puts
# the git-ignored .tools/Modules first on PSModulePath. Returns non-zero, saying why, when either cannot be had.
_imadmin_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dotnet tool restore --tool-manifest "$_imadmin_root/.config/dotnet-tools.json" >/dev/null \
  || { echo "Could not restore the PowerShell .NET tool (dotnet tool restore)." >&2; return 1; }
dotnet restore "$_imadmin_root/tests/tools/TestTools.csproj" -nologo -v quiet >/dev/null \
  || { echo "Could not restore Pester from NuGet (tests/tools/TestTools.csproj)." >&2; return 1; }
_imadmin_packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: *//')
_imadmin_pester=$(grep -o '<PesterVersion>[^<]*' "$_imadmin_root/tests/tools/TestTools.csproj" | sed 's/<PesterVersion>//')
mkdir -p "$_imadmin_root/.tools/Modules"
ln -sfn "$_imadmin_packages/pester/$_imadmin_pester/tools" "$_imadmin_root/.tools/Modules/Pester"
export PSModulePath="$_imadmin_root/.tools/Modules${PSModulePath:+:$PSModulePath}"
dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module Pester -RequiredVersion $_imadmin_pester" </dev/null \
  || { echo "PowerShell (dotnet pwsh) cannot import Pester $_imadmin_pester." >&2; return 1; }
