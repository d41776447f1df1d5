#!/usr/bin/env bash
# The README's test command. Installs what the tests need (the pinned PowerShell .NET tool, Pester from NuGet),
# builds in Release, runs xunit (dotnet test), then Pester in that real PowerShell. Pester always runs: a missing
# PowerShell or Pester is a failure, never a skip. Ends with one line "N passed, N failed" (xunit and Pester together)
# and exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

echo "== tools (PowerShell .NET tool, Pester)"
if ! source tests/tools/use-tools.sh; then echo "0 passed, 1 failed"; exit 1; fi

echo "== build (Release)"
dotnet build ImAdmin.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

echo "== xunit"
status=0
dotnet test ImAdmin.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$results/xunit.log" || status=1
sum() { grep -Eo "$1: +[0-9]+" "$results/xunit.log" | grep -Eo '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "xunit: $passed passed, $failed failed"

echo "== Pester"
dotnet pwsh -NoProfile -NonInteractive -File tests/pester/Invoke-Tests.ps1 -ResultFile "$results/pester.txt" </dev/null || status=1
if [ -f "$results/pester.txt" ]; then
  read -r pp pf < "$results/pester.txt"
  passed=$((passed + pp)); failed=$((failed + pf))
else
  echo "Pester did not report a result."
  failed=$((failed + 1))
fi

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
