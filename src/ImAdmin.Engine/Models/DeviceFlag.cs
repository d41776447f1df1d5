namespace ImAdmin.Engine.Models
{
    /// <summary>Which kind of device a connection or token belongs to (WuKongIM device_flag).</summary>
    public enum DeviceFlag
    {
        /// <summary>Every device kind (App, Web and PC); only where a cmdlet accepts it.</summary>
        All = -1,
        App = 0,
        Web = 1,
        PC = 2,
        System = 99,
    }

    /// <summary>Master devices kick older connections of the same flag when a token is set.</summary>
    public enum DeviceLevel
    {
        Slave = 0,
        Master = 1,
    }
}
