using System;
using ImAdmin.Engine.Models;

namespace ImAdmin.Engine.Providers.Capabilities
{
    /// <summary>A provider whose clients log in with a signature the administrator can make locally (New-ImUserSig).</summary>
    [ImCapability("New-ImUserSig (making client login signatures)", Instead = "WuKongIM clients log in with a token you set: use Set-ImUserToken.", Area = "UserSig")]
    public interface IUserSigIssuer
    {
        /// <summary>Throws an <see cref="Errors.ImInputException"/> for a lifetime the provider cannot sign.</summary>
        void CheckUserSigLifetime(TimeSpan lifetime);

        ImUserSig NewUserSig(string identifier, TimeSpan lifetime);
    }
}
