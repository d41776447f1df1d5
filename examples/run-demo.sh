#!/usr/bin/env bash
# The README's main-job command on a machine with only the .NET SDK: restores the pinned PowerShell .NET tool
# (tests/tools/use-tools.sh) and runs examples/Demo.ps1 in it (`dotnet pwsh`). Arguments go to Demo.ps1.
# Against the bundled sandbox unless IMADMIN_PROVIDER/IMADMIN_URI name a real server.
set -euo pipefail
cd "$(dirname "$0")/.."
source tests/tools/use-tools.sh
exec dotnet pwsh -NoProfile -File examples/Demo.ps1 "$@"
