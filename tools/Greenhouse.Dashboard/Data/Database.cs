using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Greenhouse.Dashboard.Data;

public sealed record UserRecord(long Id, string Name, string PasswordHash, string Role, string Language, bool MustChangePassword)
{
    public const string AdminRole = "admin";
    public const string GrowerRole = "grower";

    public bool IsAdmin => Role == AdminRole;
}

/// <summary>One point of a zone's history: the house's local time (unix seconds of its wall clock) and the readings.</summary>
public sealed record Sample(long LocalSeconds, double? RhPct, double? TempC, double? TargetRh, double? Band, bool Misting);

public sealed record CommandRecord(DateTime TimeUtc, string User, string HouseId, string Topic, string Payload, string Result, string? Detail);

/// <summary>
/// The dashboard's SQLite file (Microsoft.Data.Sqlite): accounts and their houses, house names, the zone history
/// and the command log. History and log are bounded (<see cref="PruneHistory"/>, <see cref="MaxCommandRows"/>).
/// </summary>
public sealed class Database
{
    /// <summary>Command log rows kept (the oldest go first).</summary>
    public const int MaxCommandRows = 20000;

    private readonly string _connectionString;

    public Database(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using SqliteConnection c = Open();
        Execute(c, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS users (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE,
                hash TEXT NOT NULL,
                role TEXT NOT NULL,
                language TEXT NOT NULL DEFAULT 'zh',
                must_change INTEGER NOT NULL DEFAULT 0,
                created_utc TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS assignments (
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                house_id TEXT NOT NULL,
                PRIMARY KEY (user_id, house_id));
            CREATE TABLE IF NOT EXISTS houses (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS samples (
                house_id TEXT NOT NULL,
                zone INTEGER NOT NULL,
                t_local INTEGER NOT NULL,
                rh REAL, temp REAL, target REAL, band REAL,
                misting INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS samples_by_zone ON samples (house_id, zone, t_local);
            CREATE TABLE IF NOT EXISTS commands (
                id INTEGER PRIMARY KEY,
                time_utc TEXT NOT NULL,
                user TEXT NOT NULL,
                house_id TEXT NOT NULL,
                topic TEXT NOT NULL,
                payload TEXT NOT NULL,
                result TEXT NOT NULL,
                detail TEXT);
            """);
    }

    public string Path { get; }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Execute(c, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        return c;
    }

    private static void Execute(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        using SqliteCommand cmd = Command(c, sql, args);
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection c, string sql, params (string Name, object? Value)[] args)
    {
        SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return cmd;
    }

    // ---- accounts ----

    public int UserCount()
    {
        using SqliteConnection c = Open();
        using SqliteCommand cmd = Command(c, "SELECT COUNT(*) FROM users");
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public UserRecord? FindUser(string name)
    {
        using SqliteConnection c = Open();
        return ReadUsers(c, "SELECT id, name, hash, role, language, must_change FROM users WHERE name = $n", ("$n", name)).FirstOrDefault();
    }

    public UserRecord? FindUser(long id)
    {
        using SqliteConnection c = Open();
        return ReadUsers(c, "SELECT id, name, hash, role, language, must_change FROM users WHERE id = $id", ("$id", id)).FirstOrDefault();
    }

    public IReadOnlyList<UserRecord> Users()
    {
        using SqliteConnection c = Open();
        return ReadUsers(c, "SELECT id, name, hash, role, language, must_change FROM users ORDER BY name");
    }

    private static List<UserRecord> ReadUsers(SqliteConnection c, string sql, params (string, object?)[] args)
    {
        using SqliteCommand cmd = Command(c, sql, args);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<UserRecord>();
        while (r.Read())
        {
            list.Add(new UserRecord(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5) != 0));
        }

        return list;
    }

    /// <summary>Adds a user; false when the name is taken.</summary>
    public bool AddUser(string name, string hash, string role, bool mustChange, string language)
    {
        using SqliteConnection c = Open();
        try
        {
            Execute(c, "INSERT INTO users (name, hash, role, language, must_change, created_utc) VALUES ($n, $h, $r, $l, $m, $t)",
                ("$n", name), ("$h", hash), ("$r", role), ("$l", language), ("$m", mustChange ? 1 : 0), ("$t", DateTime.UtcNow.ToString("O")));
            return true;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            return false;
        }
    }

    public void SetPassword(long userId, string hash, bool mustChange)
    {
        using SqliteConnection c = Open();
        Execute(c, "UPDATE users SET hash = $h, must_change = $m WHERE id = $id", ("$h", hash), ("$m", mustChange ? 1 : 0), ("$id", userId));
    }

    public void SetLanguage(long userId, string language)
    {
        using SqliteConnection c = Open();
        Execute(c, "UPDATE users SET language = $l WHERE id = $id", ("$l", language), ("$id", userId));
    }

    public IReadOnlySet<string> AssignedHouses(long userId)
    {
        using SqliteConnection c = Open();
        using SqliteCommand cmd = Command(c, "SELECT house_id FROM assignments WHERE user_id = $id", ("$id", userId));
        using SqliteDataReader r = cmd.ExecuteReader();
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (r.Read())
        {
            set.Add(r.GetString(0));
        }

        return set;
    }

    /// <summary>Replaces the houses a user is assigned.</summary>
    public void Assign(long userId, IEnumerable<string> houseIds)
    {
        using SqliteConnection c = Open();
        using SqliteTransaction t = c.BeginTransaction();
        Execute(c, "DELETE FROM assignments WHERE user_id = $id", ("$id", userId));
        foreach (string house in houseIds.Distinct(StringComparer.Ordinal))
        {
            Execute(c, "INSERT INTO assignments (user_id, house_id) VALUES ($id, $h)", ("$id", userId), ("$h", house));
        }

        t.Commit();
    }

    // ---- house names ----

    public IReadOnlyDictionary<string, string> HouseNames()
    {
        using SqliteConnection c = Open();
        using SqliteCommand cmd = Command(c, "SELECT id, name FROM houses");
        using SqliteDataReader r = cmd.ExecuteReader();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read())
        {
            names[r.GetString(0)] = r.GetString(1);
        }

        return names;
    }

    public void SetHouseName(string id, string name)
    {
        using SqliteConnection c = Open();
        if (name.Length == 0)
        {
            Execute(c, "DELETE FROM houses WHERE id = $id", ("$id", id));
        }
        else
        {
            Execute(c, "INSERT INTO houses (id, name) VALUES ($id, $n) ON CONFLICT(id) DO UPDATE SET name = excluded.name", ("$id", id), ("$n", name));
        }
    }

    // ---- history ----

    public void AddSamples(IReadOnlyList<(string House, int Zone, Sample Sample)> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using SqliteConnection c = Open();
        using SqliteTransaction t = c.BeginTransaction();
        using SqliteCommand cmd = Command(c,
            "INSERT INTO samples (house_id, zone, t_local, rh, temp, target, band, misting) VALUES ($h, $z, $t, $rh, $temp, $target, $band, $m)");
        var p = new[] { "$h", "$z", "$t", "$rh", "$temp", "$target", "$band", "$m" }.Select(n => cmd.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        foreach (var (house, zone, s) in rows)
        {
            p[0].Value = house;
            p[1].Value = zone;
            p[2].Value = s.LocalSeconds;
            p[3].Value = (object?)s.RhPct ?? DBNull.Value;
            p[4].Value = (object?)s.TempC ?? DBNull.Value;
            p[5].Value = (object?)s.TargetRh ?? DBNull.Value;
            p[6].Value = (object?)s.Band ?? DBNull.Value;
            p[7].Value = s.Misting ? 1 : 0;
            cmd.ExecuteNonQuery();
        }

        t.Commit();
    }

    /// <summary>A zone's samples from <paramref name="fromLocalSeconds"/> on, oldest first.</summary>
    public IReadOnlyList<Sample> Samples(string house, int zone, long fromLocalSeconds)
    {
        using SqliteConnection c = Open();
        using SqliteCommand cmd = Command(c,
            "SELECT t_local, rh, temp, target, band, misting FROM samples WHERE house_id = $h AND zone = $z AND t_local >= $from ORDER BY t_local",
            ("$h", house), ("$z", zone), ("$from", fromLocalSeconds));
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<Sample>();
        while (r.Read())
        {
            list.Add(new Sample(r.GetInt64(0), Nullable(r, 1), Nullable(r, 2), Nullable(r, 3), Nullable(r, 4), r.GetInt64(5) != 0));
        }

        return list;
    }

    /// <summary>Newest sample time of a zone, or null.</summary>
    public long? NewestSample(string house, int zone)
    {
        using SqliteConnection c = Open();
        using SqliteCommand cmd = Command(c, "SELECT MAX(t_local) FROM samples WHERE house_id = $h AND zone = $z", ("$h", house), ("$z", zone));
        object? value = cmd.ExecuteScalar();
        return value is long l ? l : null;
    }

    public long SampleCount()
    {
        using SqliteConnection c = Open();
        using SqliteCommand cmd = Command(c, "SELECT COUNT(*) FROM samples");
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>
    /// Drops samples older than <paramref name="keepHours"/> before each zone's newest one, and beyond
    /// <paramref name="maxRowsPerZone"/> rows per zone, so the file stays bounded whatever the devices send.
    /// </summary>
    public void PruneHistory(int keepHours, int maxRowsPerZone)
    {
        using SqliteConnection c = Open();
        Execute(c, """
            DELETE FROM samples WHERE rowid IN (
              SELECT s.rowid FROM samples s
              JOIN (SELECT house_id, zone, MAX(t_local) AS newest FROM samples GROUP BY house_id, zone) n
                ON n.house_id = s.house_id AND n.zone = s.zone
              WHERE s.t_local < n.newest - $keep);
            DELETE FROM samples WHERE rowid IN (
              SELECT rowid FROM (
                SELECT rowid, ROW_NUMBER() OVER (PARTITION BY house_id, zone ORDER BY t_local DESC) AS rn FROM samples)
              WHERE rn > $max);
            """, ("$keep", (long)keepHours * 3600), ("$max", maxRowsPerZone));
    }

    private static double? Nullable(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    // ---- command log ----

    public void LogCommand(CommandRecord record)
    {
        using SqliteConnection c = Open();
        Execute(c, "INSERT INTO commands (time_utc, user, house_id, topic, payload, result, detail) VALUES ($t, $u, $h, $topic, $p, $r, $d)",
            ("$t", record.TimeUtc.ToString("O")), ("$u", record.User), ("$h", record.HouseId), ("$topic", record.Topic), ("$p", record.Payload),
            ("$r", record.Result), ("$d", record.Detail));
        Execute(c, "DELETE FROM commands WHERE id <= (SELECT MAX(id) FROM commands) - $max", ("$max", MaxCommandRows));
    }

    /// <summary>Newest first; only these houses when <paramref name="houses"/> is given.</summary>
    public IReadOnlyList<CommandRecord> Commands(int limit, IReadOnlySet<string>? houses)
    {
        using SqliteConnection c = Open();
        using SqliteCommand cmd = Command(c, "SELECT time_utc, user, house_id, topic, payload, result, detail FROM commands ORDER BY id DESC LIMIT $l",
            ("$l", houses == null ? limit : MaxCommandRows));
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<CommandRecord>();
        while (r.Read() && list.Count < limit)
        {
            var record = new CommandRecord(DateTime.Parse(r.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), r.GetString(1),
                r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
            if (houses == null || houses.Contains(record.HouseId))
            {
                list.Add(record);
            }
        }

        return list;
    }
}
