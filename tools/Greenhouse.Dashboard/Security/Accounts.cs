using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Greenhouse.Dashboard.Data;
using Microsoft.AspNetCore.Identity;

namespace Greenhouse.Dashboard.Security;

/// <summary>
/// Accounts: passwords hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2), one-time
/// passwords that must be changed at first login, and which houses a user may see and steer.
/// </summary>
public sealed partial class Accounts
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;
    // No 0/O, 1/l/I: one-time passwords are read out over the phone.
    private const string OneTimeAlphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly Database _db;
    private readonly PasswordHasher<UserRecord> _hasher = new();

    public Accounts(Database db)
    {
        _db = db;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{2,32}$")]
    private static partial Regex NamePattern();

    public static bool ValidName(string? name) => name != null && NamePattern().IsMatch(name);

    public static string NewOneTimePassword()
    {
        return RandomNumberGenerator.GetString(OneTimeAlphabet, 12);
    }

    /// <summary>
    /// First start (no account yet): creates <c>admin</c> with a one-time password and returns it, to be printed once.
    /// Null when accounts exist.
    /// </summary>
    public string? EnsureFirstAdmin()
    {
        if (_db.UserCount() > 0)
        {
            return null;
        }

        string password = NewOneTimePassword();
        Create("admin", password, UserRecord.AdminRole, mustChange: true);
        return password;
    }

    /// <summary>Creates a user; false when the name is taken. The caller has validated name and role.</summary>
    public bool Create(string name, string password, string role, bool mustChange, string language = "zh")
    {
        return _db.AddUser(name, _hasher.HashPassword(null!, password), role, mustChange, language);
    }

    /// <summary>The user when the password is right, else null (same work either way: no timing hint of which names exist).</summary>
    public UserRecord? Verify(string name, string password)
    {
        UserRecord? user = ValidName(name) ? _db.FindUser(name) : null;
        if (user == null)
        {
            _hasher.VerifyHashedPassword(null!, DummyHash, password);
            return null;
        }

        PasswordVerificationResult result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            _db.SetPassword(user.Id, _hasher.HashPassword(user, password), user.MustChangePassword);
        }

        return user;
    }

    private static readonly string DummyHash = new PasswordHasher<UserRecord>().HashPassword(null!, "not a password of anyone");

    public void SetPassword(UserRecord user, string password, bool mustChange)
    {
        _db.SetPassword(user.Id, _hasher.HashPassword(user, password), mustChange);
    }

    /// <summary>Houses the user may see and steer: every discovered one for an admin, the assigned ones for a grower.</summary>
    public bool MaySee(UserRecord user, string houseId) => user.IsAdmin || _db.AssignedHouses(user.Id).Contains(houseId);

    public IReadOnlySet<string>? VisibleHouses(UserRecord user) => user.IsAdmin ? null : _db.AssignedHouses(user.Id);
}
