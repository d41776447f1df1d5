#!/usr/bin/env bash
# Runs every test: build, xunit (dotnet test), then Pester in a real PowerShell when pwsh with Pester 5 is on PATH.
# Ends with one line "N passed, N failed" (xunit and Pester together); exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

echo "== build (Release)"
dotnet build ImAdmin.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

echo "== xunit"
status=0
dotnet test ImAdmin.sln -c Release --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$results/xunit.log" || status=1
sum() { grep -Eo "$1: +[0-9]+" "$results/xunit.log" | grep -Eo '[0-9]+' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

echo "== Pester"
if command -v pwsh >/dev/null 2>&1 && pwsh -NoProfile -Command 'if (-not (Get-Module -ListAvailable Pester | Where-Object { $_.Version -ge [version]"5.0" })) { exit 1 }'; then
  pwsh -NoProfile -File tests/pester/Invoke-Tests.ps1 -ResultFile "$results/pester.txt" || status=1
  if [ -f "$results/pester.txt" ]; then
    read -r pp pf < "$results/pester.txt"
    passed=$((passed + pp)); failed=$((failed + pf))
  else
    failed=$((failed + 1))
  fi
else
  echo "Pester SKIPPED: pwsh with Pester 5 is not on PATH, so the module was not tested in a real PowerShell."
fi

[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
