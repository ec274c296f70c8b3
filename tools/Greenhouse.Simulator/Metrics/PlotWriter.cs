using Greenhouse.Simulator.Metrics;

namespace Greenhouse.Simulator.Metrics;

/// <summary>
/// Draws zone 1 of a run (ScottPlot, PNG, headless): inside RH and the sensor's reading on the left axis
/// with the target band shaded, inside and outside temperature on the right axis, mist pulses (and vent
/// runs) as a strip along the bottom.
/// </summary>
public static class PlotWriter
{
    public static void Write(string path, RunSeries series, ScoringPlan plan, string title, int width = 1600, int height = 800)
    {
        var plt = new ScottPlot.Plot();
        double[] hours = series.Minute.Select(m => m / 60.0).ToArray();
        double end = hours.Length > 0 ? hours[^1] : 24;

        const double rhBottom = 30;
        const double stripHeight = 4;
        var band = plt.Add.Rectangle(0, end, plan.LowerBandRhPct, plan.UpperBandRhPct);
        band.FillStyle.Color = ScottPlot.Colors.Green.WithAlpha(0.18);
        band.LineStyle.Width = 0;
        band.LegendText = $"target band {plan.LowerBandRhPct:0.#}-{plan.UpperBandRhPct:0.#} %";

        var rh = plt.Add.ScatterLine(hours, series.InsideRh.ToArray());
        rh.LegendText = "inside RH % (true)";
        rh.Color = ScottPlot.Colors.Blue;
        rh.LineWidth = 2;

        var sensor = plt.Add.ScatterLine(hours, series.SensorRh.ToArray());
        sensor.LegendText = "sensor RH %";
        sensor.Color = ScottPlot.Colors.SkyBlue;
        sensor.LineWidth = 1;

        var mist = plt.Add.ScatterLine(hours, series.Mist.Select(m => rhBottom + m * stripHeight).ToArray());
        mist.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
        mist.LegendText = "mist on";
        mist.Color = ScottPlot.Colors.Navy;
        mist.FillY = true;
        mist.FillYValue = rhBottom;
        mist.FillYColor = ScottPlot.Colors.Navy.WithAlpha(0.6);

        if (series.Vent.Any(v => v > 0))
        {
            var vent = plt.Add.ScatterLine(hours, series.Vent.Select(v => rhBottom + stripHeight + 1 + v * stripHeight).ToArray());
            vent.ConnectStyle = ScottPlot.ConnectStyle.StepHorizontal;
            vent.LegendText = "vent fan on";
            vent.Color = ScottPlot.Colors.Gray;
        }

        var inside = plt.Add.ScatterLine(hours, series.InsideTemp.ToArray());
        inside.LegendText = "inside °C";
        inside.Color = ScottPlot.Colors.Red;
        inside.LineWidth = 2;
        inside.Axes.YAxis = plt.Axes.Right;

        var outside = plt.Add.ScatterLine(hours, series.OutsideTemp.ToArray());
        outside.LegendText = "outside °C";
        outside.Color = ScottPlot.Colors.Orange;
        outside.LinePattern = ScottPlot.LinePattern.Dashed;
        outside.Axes.YAxis = plt.Axes.Right;

        var lockout = plt.Add.HorizontalLine(plan.LockoutTempC);
        lockout.Axes.YAxis = plt.Axes.Right;
        lockout.Color = ScottPlot.Colors.DarkRed.WithAlpha(0.5);
        lockout.LinePattern = ScottPlot.LinePattern.Dotted;
        lockout.LegendText = $"lockout {plan.LockoutTempC:0.#} °C";

        plt.Title(title);
        plt.XLabel("hours from start");
        plt.Axes.Left.Label.Text = "relative humidity, %";
        plt.Axes.Right.Label.Text = "temperature, °C";
        plt.Axes.SetLimitsX(0, end);
        plt.Axes.SetLimitsY(rhBottom, 102, plt.Axes.Left);
        double tMin = Math.Min(series.InsideTemp.DefaultIfEmpty(0).Min(), series.OutsideTemp.DefaultIfEmpty(0).Min());
        double tMax = Math.Max(Math.Max(series.InsideTemp.DefaultIfEmpty(30).Max(), series.OutsideTemp.DefaultIfEmpty(30).Max()), plan.LockoutTempC);
        plt.Axes.SetLimitsY(Math.Floor(tMin) - 2, Math.Ceiling(tMax) + 2, plt.Axes.Right);
        plt.ShowLegend(ScottPlot.Edge.Bottom);
        plt.SavePng(path, width, height);
    }
}
