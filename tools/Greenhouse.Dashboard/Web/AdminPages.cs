using System.Text;
using Greenhouse.Dashboard.Data;
using Greenhouse.Dashboard.Demo;
using Greenhouse.Dashboard.Houses;
using Greenhouse.Dashboard.Security;
using Greenhouse.Dashboard.Text;
using static Greenhouse.Dashboard.Web.Endpoints;
using static Greenhouse.Dashboard.Web.Html;

namespace Greenhouse.Dashboard.Web;

/// <summary>The administrator's page: users (create, reset password, assign houses), house names, and in the demo the power switches.</summary>
public static class AdminPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/admin", D(ctx => Admin(ctx, (user, t) => Task.FromResult(Render(ctx, user, t, null, 200)))));
        app.MapPost("/admin/users", D(CreateUser));
        app.MapPost("/admin/users/{id:long}/houses", AssignHouses);
        app.MapPost("/admin/users/{id:long}/reset", ResetPassword);
        app.MapPost("/admin/houses/{id}/name", RenameHouse);
        app.MapPost("/admin/demo/{id}/power", DemoPower);
    }

    /// <summary>Admins only; a grower gets "not found", as for a house that is not theirs.</summary>
    private static Task<IResult> Admin(HttpContext ctx, Func<UserRecord, TextTable, Task<IResult>> page) => Authed(ctx, (user, t) =>
        user.IsAdmin ? page(user, t) : Task.FromResult(PageResult(ctx, t, user, t["house.not_found"], Notice(t["house.not_found"], "bad"), 404)));

    private static Task<IResult> Post(HttpContext ctx, Func<UserRecord, TextTable, IFormCollection, Task<IResult>> action) => Admin(ctx, async (user, t) =>
    {
        if (!await ValidForm(ctx))
        {
            return BadForm(ctx, user);
        }

        return await action(user, t, await ctx.Request.ReadFormAsync());
    });

    private static IResult Render(HttpContext ctx, UserRecord user, TextTable t, (string Text, string Kind)? notice, int status)
    {
        var db = ctx.RequestServices.GetRequiredService<Database>();
        var registry = ctx.RequestServices.GetRequiredService<HouseRegistry>();
        var names = db.HouseNames();
        string token = Token(ctx);
        var users = db.Users();
        var assigned = users.ToDictionary(u => u.Id, u => db.AssignedHouses(u.Id));
        var houseIds = registry.Discovered.Select(h => h.Id).Concat(names.Keys).Concat(assigned.Values.SelectMany(s => s))
            .Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToList();

        var sb = new StringBuilder($"<h1>{E(t["admin.title"])}</h1>");
        if (notice is { } n)
        {
            sb.Append(Notice(n.Text, n.Kind));
        }

        sb.Append($"<h2>{E(t["admin.users"])}</h2>");
        foreach (UserRecord u in users)
        {
            sb.Append($"<div class=\"card user\" data-user=\"{E(u.Name)}\"><h3>{E(u.Name)} <small>({E(t["admin.role." + u.Role])})</small></h3>");
            if (!u.IsAdmin)
            {
                var checks = new StringBuilder($"<p>{E(t["admin.houses_of"])}</p><div class=\"checks\">");
                foreach (string id in houseIds)
                {
                    string label = names.TryGetValue(id, out string? name) ? name + " (" + id + ")" : id;
                    checks.Append($"<label><input type=\"checkbox\" name=\"house\" value=\"{E(id)}\"{(assigned[u.Id].Contains(id) ? " checked" : "")}>{E(label)}</label>");
                }

                checks.Append($"</div><button type=\"submit\">{E(t["admin.save_houses"])}</button>");
                sb.Append(Form($"/admin/users/{u.Id}/houses", token, checks.ToString(), "stack"));
            }

            sb.Append(Form($"/admin/users/{u.Id}/reset", token, $"<button type=\"submit\" class=\"danger\">{E(t["admin.reset"])}</button>", "stack"));
            sb.Append("</div>");
        }

        sb.Append($"<div class=\"card\"><h3>{E(t["admin.new_user"])}</h3>")
          .Append(Form("/admin/users", token,
              $"<label>{E(t["admin.user"])}<input type=\"text\" name=\"user\" autocapitalize=\"none\" maxlength=\"32\"></label>"
              + $"<label>{E(t["admin.role"])}<select name=\"role\"><option value=\"grower\">{E(t["admin.role.grower"])}</option><option value=\"admin\">{E(t["admin.role.admin"])}</option></select></label>"
              + $"<button type=\"submit\">{E(t["admin.create"])}</button>", "stack"))
          .Append("</div>");

        sb.Append($"<h2>{E(t["admin.houses"])}</h2>");
        foreach (string id in houseIds)
        {
            sb.Append("<div class=\"card\">").Append(Form($"/admin/houses/{U(id)}/name", token,
                $"<label>{E(id)} · {E(t["admin.house_name"])}<input type=\"text\" name=\"name\" maxlength=\"40\" value=\"{E(names.TryGetValue(id, out string? nm) ? nm : "")}\"></label>"
                + $"<button type=\"submit\">{E(t["admin.rename"])}</button>", "stack")).Append("</div>");
        }

        if (ctx.RequestServices.GetService<DemoHouses>() is { } demo)
        {
            sb.Append($"<h2>{E(t["admin.demo"])}</h2>");
            foreach (DemoHouse house in demo.Houses)
            {
                sb.Append($"<div class=\"card demo-house\" data-house=\"{E(house.Id)}\"><p>{E(house.Id)} · {E(house.Scenario)}</p>")
                  .Append(Form($"/admin/demo/{U(house.Id)}/power", token,
                      $"<input type=\"hidden\" name=\"on\" value=\"{(house.PoweredOn ? "0" : "1")}\"><button type=\"submit\" class=\"{(house.PoweredOn ? "danger" : "")}\">{E(house.PoweredOn ? t["admin.power_off"] : t["admin.power_on"])}</button>",
                      "stack"))
                  .Append("</div>");
            }
        }

        return PageResult(ctx, t, user, t["admin.title"], sb.ToString(), status);
    }

    private static Task<IResult> CreateUser(HttpContext ctx) => Post(ctx, (user, t, form) =>
    {
        string name = form["user"].ToString().Trim();
        string role = form["role"].ToString();
        if (!Accounts.ValidName(name))
        {
            return Task.FromResult(Render(ctx, user, t, (t["admin.bad_name"], "bad"), 422));
        }

        if (role != UserRecord.GrowerRole && role != UserRecord.AdminRole)
        {
            return Task.FromResult(Render(ctx, user, t, (t["admin.bad_role"], "bad"), 422));
        }

        string password = Accounts.NewOneTimePassword();
        if (!ctx.RequestServices.GetRequiredService<Accounts>().Create(name, password, role, mustChange: true, t.Language))
        {
            return Task.FromResult(Render(ctx, user, t, (t["admin.name_taken"], "bad"), 422));
        }

        return Task.FromResult(Render(ctx, user, t, (t.Format("admin.created", name, password), "ok"), 200));
    });

    private static Task<IResult> AssignHouses(HttpContext ctx, long id) => Post(ctx, (user, t, form) =>
    {
        var db = ctx.RequestServices.GetRequiredService<Database>();
        UserRecord? target = db.FindUser(id);
        if (target == null)
        {
            return Task.FromResult(Render(ctx, user, t, (t["admin.unknown_user"], "bad"), 404));
        }

        // Only ids the dashboard knows can be assigned; anything else in the form is ignored.
        var known = ctx.RequestServices.GetRequiredService<HouseRegistry>().Discovered.Select(h => h.Id)
            .Concat(db.HouseNames().Keys).Concat(db.AssignedHouses(id)).ToHashSet(StringComparer.Ordinal);
        db.Assign(id, form["house"].Select(h => h ?? "").Where(known.Contains));
        return Task.FromResult(Render(ctx, user, t, (t["admin.saved"], "ok"), 200));
    });

    private static Task<IResult> ResetPassword(HttpContext ctx, long id) => Post(ctx, (user, t, form) =>
    {
        UserRecord? target = ctx.RequestServices.GetRequiredService<Database>().FindUser(id);
        if (target == null)
        {
            return Task.FromResult(Render(ctx, user, t, (t["admin.unknown_user"], "bad"), 404));
        }

        string password = Accounts.NewOneTimePassword();
        ctx.RequestServices.GetRequiredService<Accounts>().SetPassword(target, password, mustChange: true);
        return Task.FromResult(Render(ctx, user, t, (t.Format("admin.reset_done", target.Name, password), "ok"), 200));
    });

    private static Task<IResult> RenameHouse(HttpContext ctx, string id) => Post(ctx, (user, t, form) =>
    {
        string name = form["name"].ToString().Trim();
        if (name.Length > 40 || name.Any(char.IsControl))
        {
            return Task.FromResult(Render(ctx, user, t, (t["admin.bad_house_name"], "bad"), 422));
        }

        ctx.RequestServices.GetRequiredService<Database>().SetHouseName(id, name);
        return Task.FromResult(Render(ctx, user, t, (t["admin.saved"], "ok"), 200));
    });

    private static Task<IResult> DemoPower(HttpContext ctx, string id) => Post(ctx, async (user, t, form) =>
    {
        DemoHouse? house = ctx.RequestServices.GetService<DemoHouses>()?.Find(id);
        if (house == null)
        {
            return Render(ctx, user, t, (t["house.not_found"], "bad"), 404);
        }

        await house.SetPowerAsync(form["on"].ToString() == "1");
        return Results.Redirect("/admin");
    });
}
