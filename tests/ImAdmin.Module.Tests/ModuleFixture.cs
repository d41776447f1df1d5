namespace ImAdmin.Module.Tests;

public sealed class ModuleFixture : IDisposable
{
    public ModuleMetadata Metadata { get; } = new();

    public void Dispose() => Metadata.Dispose();
}
