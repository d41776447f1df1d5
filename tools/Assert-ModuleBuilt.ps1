# Run by the repository-root ImAdmin.psd1 (ScriptsToProcess) before it loads out/ImAdmin/ImAdmin.dll: importing the
# manifest before building says what to do. Not part of the built module (the build drops it from out/ImAdmin).
$built = Join-Path $PSScriptRoot '../out/ImAdmin/ImAdmin.dll'
if (-not (Test-Path $built)) {
    throw "ImAdmin is not built yet ($([IO.Path]::GetFullPath($built)) is missing): run 'dotnet build -c Release' in the repository root first, then Import-Module ./ImAdmin.psd1 again."
}
