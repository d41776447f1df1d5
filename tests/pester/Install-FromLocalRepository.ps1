<#
.SYNOPSIS
    Child process of Package.Tests.ps1, started with HOME/XDG_DATA_HOME pointing at an empty folder so the repository
    registration and the CurrentUser install land there: registers a file repository, publishes out/ImAdmin to it
    and installs ImAdmin from it by name. Nothing touches the network.
#>
param([Parameter(Mandatory)] [string] $RepositoryFolder, [Parameter(Mandatory)] [string] $ModuleFolder)
$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet
Register-PSResourceRepository -Name ImAdminLocal -Uri $RepositoryFolder -Trusted
Publish-PSResource -Path $ModuleFolder -Repository ImAdminLocal
Install-PSResource -Name ImAdmin -Repository ImAdminLocal -Scope CurrentUser -TrustRepository
(Get-InstalledPSResource -Name ImAdmin -Scope CurrentUser).InstalledLocation
