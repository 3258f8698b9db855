// The chart's costs over a million-step run: decimation alone, smoothing, appending
// events, and the panel's whole redraw (decimate every curve, hand the points to
// QtCharts), with and without painting. Run under the offscreen platform:
//   QT_QPA_PLATFORM=offscreen bench_chart_redraw
#include "chartfixtures.h"

#include "charts/decimation.h"
#include "charts/emasmoothing.h"
#include "charts/metricchartpanel.h"
#include "charts/metricchartview.h"

#include <QApplication>
#include <QPixmap>

#include <benchmark/benchmark.h>

#include <vector>

using namespace llmos;
using namespace llmos::chartfixtures;

namespace {

constexpr std::int64_t kSteps = 1'000'000;

struct Columns {
    std::vector<double> x;
    std::vector<double> y;
};

const Columns &millionPoints()
{
    static const Columns columns = [] {
        Columns c;
        c.x.resize(kSteps);
        c.y.resize(kSteps);
        for (std::int64_t i = 0; i < kSteps; ++i) {
            c.x[static_cast<std::size_t>(i)] = static_cast<double>(i + 1);
            c.y[static_cast<std::size_t>(i)] = 3.0 / (1 + i * 1e-4) + 0.1 * noise(static_cast<std::uint64_t>(i), 1);
        }
        return c;
    }();
    return columns;
}

const RunFeed &millionStepRun()
{
    static const RunFeed feed = [] {
        RunFeed f("bench");
        f.state(JobState::Queued, JobState::Running);
        feedTraining(f, 1, kSteps,
                     {.totalSteps = kSteps,
                      .stepsPerEpoch = 250'000,
                      .evalEvery = 5000,
                      .checkpointEvery = 50'000,
                      .stepMs = 50});
        return f;
    }();
    return feed;
}

void BM_Decimate1M(benchmark::State &state)
{
    const Columns &c = millionPoints();
    const int buckets = static_cast<int>(state.range(0));
    for (auto _ : state) {
        const QList<QPointF> points = minMaxDecimate(c.x, c.y, 1, kSteps, buckets);
        benchmark::DoNotOptimize(points.constData());
    }
    state.SetItemsProcessed(state.iterations() * kSteps);
}
BENCHMARK(BM_Decimate1M)->Arg(1000)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_Decimate1MLogX(benchmark::State &state)
{
    const Columns &c = millionPoints();
    DecimationOptions options;
    options.logX = true;
    for (auto _ : state) {
        const QList<QPointF> points = minMaxDecimate(c.x, c.y, 1, kSteps, 1000, options);
        benchmark::DoNotOptimize(points.constData());
    }
}
BENCHMARK(BM_Decimate1MLogX)->Unit(benchmark::kMillisecond);

void BM_Smooth1M(benchmark::State &state)
{
    const Columns &c = millionPoints();
    for (auto _ : state) {
        const std::vector<double> smoothed = emaSmooth(c.y, 0.6);
        benchmark::DoNotOptimize(smoothed.data());
    }
}
BENCHMARK(BM_Smooth1M)->Unit(benchmark::kMillisecond);

void BM_AppendStepEvent(benchmark::State &state)
{
    RunMetricHistory history("bench");
    JobEvent event{
        "bench", 0, 0,
        StepMetrics{0, 0, {{"loss", 1}, {"lr", 1e-4}, {"grad_norm", 1}, {"tokens_per_s", 1}, {"tokens_seen", 0}}}};
    std::int64_t step = 0;
    for (auto _ : state) {
        ++step;
        event.sequence = static_cast<std::uint64_t>(step);
        event.timeMs = step * 50;
        std::get<StepMetrics>(event.payload).step = step;
        history.append(event);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AppendStepEvent);

// The panel with loss and eval_loss of a million-step run, smoothed, 1200 x 600.
struct PanelFixture {
    MetricChartPanel panel;
    PanelFixture()
    {
        panel.resize(1200, 600);
        panel.show();
        panel.setRuns({{QStringLiteral("bench"), QStringLiteral("Bench run"), millionStepRun().history()}});
        panel.setSmoothing(0.6);
        QApplication::processEvents();
        panel.redrawNow(); // smooths the million once, as a live chart would have
    }
};

void BM_PanelRedraw1M(benchmark::State &state)
{
    PanelFixture fixture;
    for (auto _ : state)
        fixture.panel.redrawNow();
    state.counters["points_drawn"] = fixture.panel.drawnPointCount();
}
BENCHMARK(BM_PanelRedraw1M)->Unit(benchmark::kMillisecond);

void BM_PanelRedrawAndPaint1M(benchmark::State &state)
{
    PanelFixture fixture;
    for (auto _ : state) {
        fixture.panel.redrawNow();
        const QPixmap pixmap = fixture.panel.chartView()->grab();
        benchmark::DoNotOptimize(pixmap.cacheKey());
    }
}
BENCHMARK(BM_PanelRedrawAndPaint1M)->Unit(benchmark::kMillisecond);

void BM_PanelRedraw1MLogY(benchmark::State &state)
{
    PanelFixture fixture;
    fixture.panel.setLogY(true);
    fixture.panel.redrawNow();
    for (auto _ : state)
        fixture.panel.redrawNow();
}
BENCHMARK(BM_PanelRedraw1MLogY)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
