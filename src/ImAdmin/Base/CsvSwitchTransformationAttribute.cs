using System;
using System.Management.Automation;

namespace ImAdmin.Base
{
    /// <summary>
    /// Lets a switch bind from a CSV column: PowerShell refuses a string for a switch, and Import-Csv gives only
    /// strings. True/1/yes/on turn it on; False/0/no/off or an empty cell leave it off; anything else is an error that
    /// names the accepted values.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class CsvSwitchTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is not string text) return value;
            switch (text.Trim().ToLowerInvariant())
            {
                case "true": case "1": case "yes": case "on": return true;
                case "false": case "0": case "no": case "off": case "": return false;
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"'{text}' is not a switch value: use True, False, 1, 0, yes, no, or leave the cell empty.");
            }
        }
    }
}
