#include "chartfixtures.h"

#include "charts/axisscale.h"
#include "charts/chartcsv.h"
#include "charts/charttoolbar.h"
#include "charts/decimation.h"
#include "charts/emasmoothing.h"
#include "charts/metricchartpanel.h"
#include "charts/metricchartview.h"
#include "charts/runcolors.h"
#include "charts/runmetrichistory.h"
#include "themesetup.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QLineSeries>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <limits>
#include <vector>

using namespace llmos;
using namespace Qt::Literals::StringLiterals;
using namespace llmos::chartfixtures;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> iota(std::size_t n, double from = 0)
{
    std::vector<double> values(n);
    for (std::size_t i = 0; i < n; ++i)
        values[i] = from + static_cast<double>(i);
    return values;
}

bool containsPoint(const QList<QPointF> &points, double x, double y)
{
    return std::any_of(points.begin(), points.end(), [&](const QPointF &p) { return p.x() == x && p.y() == y; });
}

// A run that started, trained `steps` steps, and is still running.
RunFeed runningFeed(const std::string &runId, std::int64_t steps, const TrainingShape &shape = {})
{
    RunFeed feed(runId);
    feed.state(JobState::Queued, JobState::Running);
    feedTraining(feed, 1, steps, shape);
    return feed;
}

QList<QLineSeries *> curveSeries(MetricChartPanel &panel)
{
    QList<QLineSeries *> series;
    for (QAbstractSeries *s : panel.chartView()->chart()->series()) {
        auto *line = qobject_cast<QLineSeries *>(s);
        // The view's hidden anchor series have no name.
        if (line && !line->name().isEmpty())
            series << line;
    }
    return series;
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestCharts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The history
    void historyKeepsStepAndEvaluationColumns();
    void historyWallTimeLeavesOutAPause();
    void historyInterruptionEndsAtTheLastEvent();
    void historyTokensAxis();
    void historyMarkersComeFromEvents();
    void historyRewindReplacesTheResumedSteps();
    void historyIgnoresRepeatedEvents();
    void historyHoldsAMillionStepsCompactly();
    // Pure functions
    void decimationKeepsASpikeAmongAMillion();
    void decimationIsBounded_data();
    void decimationIsBounded();
    void decimationLeadsLinesToTheBorder();
    void decimationSkipsNaNWithoutBreakingTheLine();
    void decimationOnLogAxesLeavesOutNonPositive();
    void emaKnownValues();
    void nearestPointForTheReadout();
    void niceTicks();
    // The panel
    void panelFillsInAsEventsArrive();
    void panelCoalescesRedraws();
    void panelRedrawsAMillionPointsQuickly();
    void panelSmoothingDrawsRawFaintBehind();
    void panelEvaluationCurvesAreDashedWithPoints();
    void panelLogYDropsNonPositiveValues();
    void panelTokensAxisNeedsTokens();
    void panelPutsAnotherScaleOnTheRightAxis();
    void panelMarkersShowAndHide();
    void panelHoverReadsExactValues();
    void panelWheelZoomsAroundTheCursorAndDoubleClickResets();
    void panelRubberBandZoomsAndRedecimates();
    void panelColoursStayWhenARunIsAdded();
    void panelUsesThePalette();
    void panelExportsCsvAtFullResolution();
    void panelExportsCsvOnAWorkerWhileTheRunGoesOn();
    void panelExportsPngAndSvg();
    void panelLooksRight();
};

// --- history ---------------------------------------------------------------------

void TestCharts::historyKeepsStepAndEvaluationColumns()
{
    RunFeed feed("run-a");
    feed.state(JobState::Queued, JobState::Running);
    feed.step(1, 0.1, {{"loss", 2.0}, {"lr", 1e-4}});
    feed.step(2, 0.2, {{"loss", 1.8}}); // no lr this step
    feed.step(3, 0.3, {{"loss", 1.7}, {"lr", 2e-4}, {"custom_metric", 5}});
    feed.eval(3, 0.3, {{"eval_loss", 1.9}, {"accuracy", 0.6}});
    const auto history = feed.history();

    QCOMPARE(history->metricNames(),
             (std::vector<std::string>{"loss", "lr", "custom_metric", "accuracy", "eval_loss"}));
    QVERIFY(history->isEvaluationMetric("eval_loss"));
    QVERIFY(!history->isEvaluationMetric("loss"));
    const MetricColumns lr = history->columns("lr", XAxis::Step);
    QCOMPARE(lr.x.size(), std::size_t(3));
    QCOMPARE(lr.y[0], 1e-4);
    QVERIFY(std::isnan(lr.y[1]));
    QCOMPARE(lr.y[2], 2e-4);
    const MetricColumns custom = history->columns("custom_metric", XAxis::Epoch);
    QVERIFY(std::isnan(custom.y[0]));
    QCOMPARE(custom.y[2], 5.0);
    QCOMPARE(custom.x[2], 0.3);
    const MetricColumns eval = history->columns("eval_loss", XAxis::Step);
    QCOMPARE(eval.x.size(), std::size_t(1));
    QCOMPARE(eval.x[0], 3.0);
    QCOMPARE(eval.y[0], 1.9);
    QVERIFY(history->columns("nope", XAxis::Step).x.empty());
}

void TestCharts::historyWallTimeLeavesOutAPause()
{
    RunFeed feed("run-a");
    feed.state(JobState::Queued, JobState::Running);
    for (int s = 1; s <= 10; ++s) {
        feed.advance(1000);
        feed.step(s, 0, {{"loss", 1.0}});
    }
    feed.advance(500);
    feed.state(JobState::Running, JobState::Paused, "asked by the user");
    feed.advance(3'600'000); // an hour paused
    feed.state(JobState::Paused, JobState::Queued);
    feed.advance(60'000); // a minute queued
    feed.state(JobState::Queued, JobState::Running);
    feed.advance(2000);
    feed.step(11, 0, {{"loss", 1.0}});

    const MetricColumns wall = feed.history()->columns("loss", XAxis::WallTime);
    QCOMPARE(wall.x.size(), std::size_t(11));
    QCOMPARE(wall.x[0], 1.0);
    QCOMPARE(wall.x[9], 10.0);
    // 10.5 s before the pause, 2 s after the restart: no hour, no minute.
    QCOMPARE(wall.x[10], 12.5);

    const auto &markers = feed.history()->markers();
    QCOMPARE(markers.size(), std::size_t(2));
    QCOMPARE(markers[0].kind, MarkerKind::Pause);
    QCOMPARE(markers[0].position.wallSeconds, 10.5);
    QCOMPARE(markers[0].position.step, 10.0);
    QCOMPARE(markers[0].reason, std::string("asked by the user"));
    QVERIFY(!markers[0].interrupted);
    QCOMPARE(markers[1].kind, MarkerKind::Resume);
    QCOMPARE(markers[1].position.wallSeconds, 10.5);
    QCOMPARE(markers[1].position.step, 10.0);
}

void TestCharts::historyInterruptionEndsAtTheLastEvent()
{
    RunFeed feed("run-a");
    feed.state(JobState::Queued, JobState::Running);
    feed.advance(5000);
    feed.step(1, 0, {{"loss", 1.0}});
    // The process died; the next start-up, a day later, records the interruption.
    feed.advance(86'400'000);
    feed.state(JobState::Running, JobState::Interrupted, "the process stopped");
    feed.state(JobState::Interrupted, JobState::Queued);
    feed.state(JobState::Queued, JobState::Running);
    feed.advance(2000);
    feed.step(2, 0, {{"loss", 0.9}});

    const MetricColumns wall = feed.history()->columns("loss", XAxis::WallTime);
    QCOMPARE(wall.x[0], 5.0);
    QCOMPARE(wall.x[1], 7.0);
    const auto &markers = feed.history()->markers();
    QCOMPARE(markers.size(), std::size_t(2));
    QVERIFY(markers[0].interrupted);
    QCOMPARE(markers[0].position.wallSeconds, 5.0);
}

void TestCharts::historyTokensAxis()
{
    RunFeed feed = runningFeed("run-a", 300);
    const auto history = feed.history();
    QVERIFY(history->hasAxis(XAxis::TokensSeen));
    const MetricColumns loss = history->columns("loss", XAxis::TokensSeen);
    QCOMPARE(loss.x.size(), std::size_t(300));
    QCOMPARE(loss.x[0], 4096.0);
    QCOMPARE(loss.x[299], 300.0 * 4096);
    // Evaluations take the tokens of their step.
    const MetricColumns eval = history->columns("eval_loss", XAxis::TokensSeen);
    QCOMPARE(eval.x.size(), std::size_t(3));
    QCOMPARE(eval.x[0], 100.0 * 4096);
    // Runs sized by steps report no epoch for evaluations: the step table's is used.
    QCOMPARE(history->columns("eval_loss", XAxis::Epoch).x[1], 200.0 / 400);

    RunFeed plain("run-b");
    plain.state(JobState::Queued, JobState::Running);
    plain.step(1, 0, {{"loss", 1.0}});
    QVERIFY(!plain.history()->hasAxis(XAxis::TokensSeen));
    QVERIFY(plain.history()->columns("loss", XAxis::TokensSeen).x.empty());
    QCOMPARE(plain.history()->columns("loss", XAxis::Step).x.size(), std::size_t(1));
}

void TestCharts::historyMarkersComeFromEvents()
{
    RunFeed feed("run-a");
    feed.state(JobState::Queued, JobState::Running);
    feedTraining(feed, 1, 500, {.evalEvery = 200, .checkpointEvery = 250});
    feed.log({LogLevel::Info, "checkpoint at step x saved: nowhere"}); // not a checkpoint line
    feed.log({LogLevel::Info, "epoch 1 done"});
    feed.state(JobState::Running, JobState::Paused);
    feed.state(JobState::Paused, JobState::Queued);
    feed.state(JobState::Queued, JobState::Running);
    feedTraining(feed, 501, 520, {.evalEvery = 0, .checkpointEvery = 0});

    int checkpoints = 0, evaluations = 0, pauses = 0, resumes = 0;
    for (const RunMarker &marker : feed.history()->markers()) {
        switch (marker.kind) {
        case MarkerKind::Checkpoint:
            ++checkpoints;
            QVERIFY(marker.position.step == 250 || marker.position.step == 500);
            QCOMPARE(marker.position.epoch, marker.position.step / 400);
            QCOMPARE(marker.position.tokensSeen, marker.position.step * 4096);
            break;
        case MarkerKind::Evaluation:
            ++evaluations;
            QVERIFY(marker.position.step == 200 || marker.position.step == 400);
            break;
        case MarkerKind::Pause:
            ++pauses;
            QCOMPARE(marker.position.step, 500.0);
            break;
        case MarkerKind::Resume:
            ++resumes;
            QCOMPARE(marker.position.step, 500.0);
            break;
        }
    }
    QCOMPARE(checkpoints, 2);
    QCOMPARE(evaluations, 2);
    QCOMPARE(pauses, 1);
    QCOMPARE(resumes, 1);
}

void TestCharts::historyRewindReplacesTheResumedSteps()
{
    RunFeed feed("run-a");
    feed.state(JobState::Queued, JobState::Running);
    feedTraining(feed, 1, 230, {.evalEvery = 100, .checkpointEvery = 200});
    feed.eval(210, 0, {{"eval_loss", 1.0}});
    // Crash at step 230; the run resumes from its checkpoint at step 200.
    feed.advance(10'000);
    feed.state(JobState::Running, JobState::Interrupted);
    feed.state(JobState::Interrupted, JobState::Queued);
    feed.state(JobState::Queued, JobState::Running);
    feedTraining(feed, 201, 240, {.evalEvery = 0, .checkpointEvery = 0});

    const auto history = feed.history();
    const MetricColumns loss = history->columns("loss", XAxis::Step);
    QCOMPARE(loss.x.size(), std::size_t(240));
    for (std::size_t i = 0; i < loss.x.size(); ++i)
        QCOMPARE(loss.x[i], static_cast<double>(i + 1));
    const MetricColumns wall = history->columns("loss", XAxis::WallTime);
    QVERIFY(std::is_sorted(wall.x.begin(), wall.x.end()));
    // The evaluation at 210 was of steps that no longer exist.
    QCOMPARE(history->columns("eval_loss", XAxis::Step).x.size(), std::size_t(2));
    int resumes = 0;
    for (const RunMarker &marker : history->markers()) {
        QVERIFY(marker.kind != MarkerKind::Evaluation || marker.position.step <= 200);
        if (marker.kind == MarkerKind::Resume) {
            ++resumes;
            QCOMPARE(marker.position.step, 200.0); // it restarted after step 200
        }
    }
    QCOMPARE(resumes, 1);
    QVERIFY(history->rewinds() > 0);
}

void TestCharts::historyIgnoresRepeatedEvents()
{
    RunMetricHistory history("run-a");
    const JobEvent first{"run-a", 1, 1000, StepMetrics{1, 0, {{"loss", 2.0}}}};
    const JobEvent second{"run-a", 2, 2000, StepMetrics{2, 0, {{"loss", 1.5}}}};
    history.append(first);
    history.append(second);
    history.append(first); // a replay of events.jsonl overlapping the live stream
    history.append(JobEvent{"run-b", 3, 3000, StepMetrics{3, 0, {{"loss", 9.0}}}});
    QCOMPARE(history.steps().rowCount(), std::size_t(2));
}

void TestCharts::historyHoldsAMillionStepsCompactly()
{
    RunMetricHistory history("big");
    constexpr std::int64_t kSteps = 1'000'000;
    QElapsedTimer timer;
    timer.start();
    JobEvent event{"big", 0, 0, StepMetrics{}};
    for (std::int64_t s = 1; s <= kSteps; ++s) {
        event.sequence = static_cast<std::uint64_t>(s);
        event.timeMs = s * 10;
        auto &step = std::get<StepMetrics>(event.payload);
        step.step = s;
        step.values["loss"] = 1.0 / static_cast<double>(s);
        step.values["tokens_seen"] = static_cast<double>(s) * 512;
        history.append(event);
    }
    const qint64 ms = timer.elapsed();
    qInfo("appended %lld steps in %lld ms", static_cast<long long>(kSteps), ms);
    QCOMPARE(history.steps().rowCount(), std::size_t(kSteps));
    // Two metrics and four x columns: six doubles a step, and vectors at most twice that.
    std::size_t bytes = 0;
    for (XAxis axis : {XAxis::Step, XAxis::TokensSeen, XAxis::Epoch, XAxis::WallTime})
        bytes += history.steps().axis(axis).capacity() * sizeof(double);
    for (const auto &column : history.steps().columns())
        bytes += column.values.capacity() * sizeof(double);
    QVERIFY2(bytes <= 2 * 6 * sizeof(double) * kSteps, qPrintable(QString::number(bytes)));
    QCOMPARE(history.columns("loss", XAxis::WallTime).x.back(), (kSteps - 1) * 0.01);
}

// --- pure functions ----------------------------------------------------------------

void TestCharts::decimationKeepsASpikeAmongAMillion()
{
    constexpr std::size_t kPoints = 1'000'000;
    const std::vector<double> xs = iota(kPoints);
    std::vector<double> ys(kPoints);
    for (std::size_t i = 0; i < kPoints; ++i)
        ys[i] = 1.0 + 0.01 * noise(i, 3);
    ys[654'321] = 50.0; // one step blew up
    ys[123'457] = -7.0; // and one dipped
    const QList<QPointF> out = minMaxDecimate(xs, ys, 0, kPoints - 1, 800);
    QVERIFY(out.size() <= 4 * 800 + 2);
    QVERIFY(containsPoint(out, 654'321, 50.0));
    QVERIFY(containsPoint(out, 123'457, -7.0));
    QVERIFY(std::is_sorted(out.begin(), out.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    QCOMPARE(out.first(), QPointF(0, ys[0]));
    QCOMPARE(out.last(), QPointF(kPoints - 1, ys[kPoints - 1]));
}

void TestCharts::decimationIsBounded_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("buckets");
    QTest::newRow("fewer points than buckets") << 50 << 1000;
    QTest::newRow("one bucket") << 10'000 << 1;
    QTest::newRow("ten buckets") << 10'000 << 10;
    QTest::newRow("screen wide") << 200'000 << 1200;
}

void TestCharts::decimationIsBounded()
{
    QFETCH(int, points);
    QFETCH(int, buckets);
    const std::vector<double> xs = iota(static_cast<std::size_t>(points));
    std::vector<double> ys(xs.size());
    for (std::size_t i = 0; i < ys.size(); ++i)
        ys[i] = noise(i, 5);
    const QList<QPointF> out = minMaxDecimate(xs, ys, 0, points - 1, buckets);
    QVERIFY(out.size() <= std::min<qsizetype>(points, 4 * buckets + 2));
    if (points <= buckets)
        QCOMPARE(out.size(), qsizetype(points)); // nothing to thin out
}

void TestCharts::decimationLeadsLinesToTheBorder()
{
    const std::vector<double> xs = iota(1000);
    std::vector<double> ys(1000, 1.0);
    ys[100] = kNaN; // the nearest point outside the left edge has no value
    const QList<QPointF> out = minMaxDecimate(xs, ys, 100.5, 200.5, 10);
    QCOMPARE(out.first().x(), 99.0); // the nearest drawable one beyond each edge
    QCOMPARE(out.last().x(), 201.0);
    for (qsizetype i = 1; i + 1 < out.size(); ++i)
        QVERIFY(out[i].x() > 100.5 && out[i].x() < 200.5);
    // The x unit is applied to what comes back.
    DecimationOptions hours;
    hours.xScale = 1.0 / 3600;
    QCOMPARE(minMaxDecimate(xs, ys, 0, 999, 10, hours).last().x(), 999.0 / 3600);
}

void TestCharts::decimationSkipsNaNWithoutBreakingTheLine()
{
    const std::vector<double> xs = iota(10);
    const std::vector<double> ys{1, 2, kNaN, kNaN, 5, std::numeric_limits<double>::infinity(), 7, 8, 9, 10};
    const QList<QPointF> out = minMaxDecimate(xs, ys, 0, 9, 100);
    QCOMPARE(out.size(), qsizetype(7));
    for (const QPointF &p : out)
        QVERIFY(std::isfinite(p.y()));
    // 2 is followed by 5: the line runs across the gap.
    QCOMPARE(out[1], QPointF(1, 2));
    QCOMPARE(out[2], QPointF(4, 5));
}

void TestCharts::decimationOnLogAxesLeavesOutNonPositive()
{
    const std::vector<double> xs{0, 1, 2, 3, 4, 5};
    const std::vector<double> ys{5, -1, 0, 0.5, 2, 3};
    DecimationOptions logY;
    logY.logY = true;
    const QList<QPointF> y = minMaxDecimate(xs, ys, 0, 5, 100, logY);
    QCOMPARE(y.size(), qsizetype(4));
    for (const QPointF &p : y)
        QVERIFY(p.y() > 0);
    DecimationOptions logX;
    logX.logX = true;
    const QList<QPointF> x = minMaxDecimate(xs, ys, 1, 5, 100, logX);
    QCOMPARE(x.size(), qsizetype(5)); // x = 0 is neither drawn nor led to
    QCOMPARE(x.first().x(), 1.0);
    QVERIFY(minMaxDecimate(xs, ys, 0, 5, 100, logX).isEmpty()); // a log window must start above 0
}

void TestCharts::emaKnownValues()
{
    const std::vector<double> raw{1, 2, 3, 10};
    QCOMPARE(emaSmooth(raw, 0), raw);
    const std::vector<double> half = emaSmooth(raw, 0.5);
    QCOMPARE(half[0], 1.0); // debiased: the first smoothed value is the first raw one
    QVERIFY(std::abs(half[1] - 1.25 / 0.75) < 1e-12);
    QVERIFY(std::abs(half[2] - 2.125 / 0.875) < 1e-12);
    const std::vector<double> heavy = emaSmooth(raw, 0.99);
    QCOMPARE(heavy[0], 1.0);
    QVERIFY(heavy[3] < 10 && heavy[3] > 1);
    // A NaN stays a gap and feeds nothing; an infinity passes through alone.
    const std::vector<double> gaps =
        emaSmooth(std::vector<double>{1, kNaN, 3, std::numeric_limits<double>::infinity(), 3}, 0.5);
    QVERIFY(std::isnan(gaps[1]));
    QVERIFY(std::abs(gaps[2] - 1.75 / 0.75) < 1e-12);
    QVERIFY(std::isinf(gaps[3]));
    QVERIFY(std::isfinite(gaps[4]));
    // Out-of-range weights are clamped, not trusted.
    QCOMPARE(emaSmooth(raw, -1), raw);
    QVERIFY(std::isfinite(emaSmooth(raw, 1.0)[3]));
}

void TestCharts::nearestPointForTheReadout()
{
    const std::vector<double> xs{10, 20, 30, 40};
    const std::vector<double> ys{1, kNaN, 3, 4};
    QCOMPARE(nearestDrawableIndex(xs, ys, 12, {}), std::size_t(0));
    QCOMPARE(nearestDrawableIndex(xs, ys, 14, {}), std::size_t(0)); // 20 has no value: 10 is nearer than 30
    QCOMPARE(nearestDrawableIndex(xs, ys, 26, {}), std::size_t(2));
    QCOMPARE(nearestDrawableIndex(xs, ys, 1000, {}), std::size_t(3));
    QCOMPARE(nearestDrawableIndex(xs, ys, -5, {}), std::size_t(0));
    QCOMPARE(nearestDrawableIndex({}, {}, 1, {}), std::size_t(0));
}

void TestCharts::niceTicks()
{
    QCOMPARE(niceTickInterval(1000, 10), 100.0);
    QCOMPARE(niceTickInterval(0.7, 5), 0.1); // 0.14 rounds down to 0.1
    QCOMPARE(niceTickInterval(30, 5), 5.0);
    QCOMPARE(tickLabelFormat(0.5, 3), QStringLiteral("%.1f"));
    QCOMPARE(tickLabelFormat(200, 1000), QStringLiteral("%.0f"));
    QCOMPARE(tickLabelFormat(2e-5, 1e-4), QStringLiteral("%.3g"));
    QCOMPARE(xScaleFor(XAxis::WallTime, 3 * 3600).unit, XUnit::Hours);
    QCOMPARE(xScaleFor(XAxis::TokensSeen, 5e6).unit, XUnit::Millions);
    QCOMPARE(xScaleFor(XAxis::Step, 5e6).unit, XUnit::Plain);
    QCOMPARE(logAxisBase(1e-5, 1e-2, 8), 10.0); // decades: labelled 1e-5, 1e-4, ...
    QCOMPARE(logAxisBase(0.4, 3.5, 8), 2.0);    // a loss: 0.5, 1, 2
    QVERIFY(logAxisBase(1000, 3000, 8) > 1 && logAxisBase(1000, 3000, 8) < 2);
    const ValueRange padded = paddedRange(1, 2, false, 0.1);
    QVERIFY(padded.min < 1 && padded.max > 2);
    // The bottom share is left free of data: (1 - min) / (max - min) >= 0.1.
    QVERIFY((1 - padded.min) / (padded.max - padded.min) >= 0.1);
}

// --- the panel -----------------------------------------------------------------

void TestCharts::panelFillsInAsEventsArrive()
{
    MetricChartPanel panel;
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QCOMPARE(panel.emptyMessage(), QStringLiteral("Choose one or more runs to see their training curves."));

    RunFeed feed("run-a");
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    feed.state(JobState::Queued, JobState::Running);
    panel.runUpdated(u"run-a"_s);
    QTRY_COMPARE(panel.emptyMessage(),
                 QStringLiteral("No points yet: the chart fills in as the run reports its first steps."));
    QCOMPARE(panel.drawnPointCount(), 0);

    feedTraining(feed, 1, 150);
    panel.runUpdated(u"run-a"_s);
    QTRY_VERIFY(panel.drawnPointCount() > 0);
    QVERIFY(panel.emptyMessage().isEmpty());
    // By default: training and validation loss, once the run has them.
    QCOMPARE(panel.selectedMetrics(), (QStringList{u"loss"_s, u"eval_loss"_s}));
    QCOMPARE(panel.availableMetrics(), (QStringList{u"grad_norm"_s, u"loss"_s, u"lr"_s, u"tokens_per_s"_s,
                                                    u"tokens_seen"_s, u"eval_loss"_s, u"perplexity"_s}));

    const int before = panel.drawnPointCount();
    feedTraining(feed, 151, 400);
    panel.runUpdated(u"run-a"_s);
    QTRY_VERIFY(panel.drawnPointCount() > before);
    // Updates of a run not on the chart are ignored.
    QTest::qWait(120);
    const int redraws = panel.redrawCount();
    panel.runUpdated(u"someone-else"_s);
    QTest::qWait(80);
    QCOMPARE(panel.redrawCount(), redraws);
}

void TestCharts::panelCoalescesRedraws()
{
    MetricChartPanel panel;
    panel.resize(800, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed = runningFeed("run-a", 10);
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.redrawNow();
    QTest::qWait(120);
    const int before = panel.redrawCount();
    for (int i = 0; i < 500; ++i) {
        feedTraining(feed, 11 + i, 11 + i);
        panel.runUpdated(u"run-a"_s);
    }
    QTRY_VERIFY(panel.redrawCount() > before);
    QTest::qWait(120);
    // One redraw for the lot (a second may follow if the new y labels changed the plot's width).
    QVERIFY2(panel.redrawCount() - before <= 2, qPrintable(QString::number(panel.redrawCount() - before)));
    QCOMPARE(feed.history()->steps().rowCount(), std::size_t(510));
}

void TestCharts::panelRedrawsAMillionPointsQuickly()
{
    MetricChartPanel panel;
    panel.resize(1200, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed = runningFeed("big", 1'000'000,
                               {.totalSteps = 1'000'000,
                                .stepsPerEpoch = 250'000,
                                .evalEvery = 5000,
                                .checkpointEvery = 50'000,
                                .stepMs = 50});
    panel.setRuns({{u"big"_s, u"Big run"_s, feed.history()}});
    panel.redrawNow(); // smooths the million once
    QElapsedTimer timer;
    constexpr int kRounds = 10;
    timer.start();
    for (int i = 0; i < kRounds; ++i)
        panel.redrawNow();
    const double perRedraw = static_cast<double>(timer.nsecsElapsed()) / 1e6 / kRounds;
    qInfo("redraw with 1,000,000 steps: %.1f ms", perRedraw);
    // Well under 50 ms on a slow machine; the bound leaves room for a loaded CI box.
    QVERIFY2(perRedraw < 100, qPrintable(QString::number(perRedraw)));
    const int width = qRound(panel.chartView()->chart()->plotArea().width());
    // Two curves (loss and eval_loss), each raw and smoothed: at most 4 * width + 2 each.
    QVERIFY(panel.drawnPointCount() <= 4 * (4 * width + 2));
    QVERIFY(panel.drawnPointCount() > width);
}

void TestCharts::panelSmoothingDrawsRawFaintBehind()
{
    MetricChartPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed = runningFeed("run-a", 500);
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.setSelectedMetrics({u"loss"_s});
    panel.setSmoothing(0.8);
    panel.redrawNow();
    QList<QLineSeries *> series;
    for (QAbstractSeries *s : panel.chartView()->chart()->series())
        if (auto *line = qobject_cast<QLineSeries *>(s); line && line->count() > 0)
            series << line;
    QCOMPARE(series.size(), 2);
    QLineSeries *raw = series[0], *smoothed = series[1];
    QVERIFY(raw->pen().color().alphaF() < 0.4);
    QCOMPARE(smoothed->pen().color().alpha(), 255);
    QCOMPARE(raw->pen().color().rgb(), smoothed->pen().color().rgb());
    // Smoothing flattens the noise: the smoothed curve varies less than the raw one.
    const auto spread = [](QLineSeries *s) {
        double total = 0;
        for (int i = 1; i < s->count(); ++i)
            total += std::abs(s->at(i).y() - s->at(i - 1).y());
        return total;
    };
    QVERIFY(spread(smoothed) < spread(raw) / 2);

    panel.setSmoothing(0);
    panel.redrawNow();
    QCOMPARE(curveSeries(panel).size(), 1);
    QCOMPARE(curveSeries(panel).first()->pen().color().alpha(), 255);
}

void TestCharts::panelEvaluationCurvesAreDashedWithPoints()
{
    MetricChartPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed = runningFeed("run-a", 1000);
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.setSmoothing(0);
    panel.redrawNow();
    const QList<QLineSeries *> series = curveSeries(panel);
    QCOMPARE(series.size(), 2);
    QCOMPARE(series[0]->name(), QStringLiteral("loss"));
    QCOMPARE(series[0]->pen().style(), Qt::SolidLine);
    QCOMPARE(series[1]->name(), QStringLiteral("eval_loss"));
    QCOMPARE(series[1]->pen().style(), Qt::DashLine);
    QVERIFY(series[1]->pointsVisible());
    QCOMPARE(series[1]->count(), 10);
}

void TestCharts::panelLogYDropsNonPositiveValues()
{
    MetricChartPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed("run-a");
    feed.state(JobState::Queued, JobState::Running);
    const std::vector<double> values{3, 0, -1, 2, 1, -0.5, 0.5};
    for (std::size_t i = 0; i < values.size(); ++i)
        feed.step(static_cast<std::int64_t>(i + 1), 0, {{"margin", values[i]}});
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.setSmoothing(0);
    panel.redrawNow();
    QCOMPARE(panel.selectedMetrics(), QStringList{u"margin"_s});
    QCOMPARE(panel.drawnPointCount(), 7);
    panel.setLogY(true);
    panel.redrawNow();
    QCOMPARE(panel.drawnPointCount(), 4);
    for (QPointF p : curveSeries(panel).first()->points())
        QVERIFY(p.y() > 0);
    QCOMPARE(panel.chartView()->chart()->axes(Qt::Vertical).first()->type(), QAbstractAxis::AxisTypeLogValue);

    // All values at or below zero: nothing to draw, and the panel says why.
    RunFeed negative("run-b");
    negative.state(JobState::Queued, JobState::Running);
    negative.step(1, 0, {{"margin", -1}});
    panel.setRuns({{u"run-b"_s, u"Run B"_s, negative.history()}});
    panel.redrawNow();
    QCOMPARE(panel.drawnPointCount(), 0);
    QVERIFY(panel.emptyMessage().contains(QStringLiteral("log scale")));
}

void TestCharts::panelTokensAxisNeedsTokens()
{
    MetricChartPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed plain("run-a");
    plain.state(JobState::Queued, JobState::Running);
    plain.step(1, 0, {{"loss", 1.0}});
    plain.step(2, 0, {{"loss", 0.9}});
    panel.setRuns({{u"run-a"_s, u"Run A"_s, plain.history()}});
    panel.setXAxis(XAxis::TokensSeen);
    panel.redrawNow();
    QCOMPARE(panel.drawnPointCount(), 0);
    QCOMPARE(panel.emptyMessage(), QStringLiteral("These runs report no tokens seen: choose another x axis."));

    RunFeed feed = runningFeed("run-b", 3000);
    panel.setRuns({{u"run-b"_s, u"Run B"_s, feed.history()}});
    panel.redrawNow();
    QVERIFY(panel.drawnPointCount() > 0);
    // 3000 steps of 4096 tokens: drawn in millions.
    const QList<QLineSeries *> series = curveSeries(panel);
    QVERIFY(std::abs(series.first()->points().last().x() - 3000 * 4096 / 1e6) < 1e-9);
    QCOMPARE(panel.chartView()->chart()->axes(Qt::Horizontal).first()->titleText(),
             QStringLiteral("Tokens seen (millions)"));
}

void TestCharts::panelPutsAnotherScaleOnTheRightAxis()
{
    MetricChartPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed = runningFeed("run-a", 300);
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.setSelectedMetrics({u"loss"_s, u"eval_loss"_s});
    panel.redrawNow();
    QVERIFY(!panel.chartView()->hasRightAxis());
    panel.setSelectedMetrics({u"loss"_s, u"lr"_s});
    panel.redrawNow();
    QVERIFY(panel.chartView()->hasRightAxis());
    const QList<QLineSeries *> series = curveSeries(panel);
    QCOMPARE(series.last()->name(), QStringLiteral("lr (right axis)"));
    QVERIFY(series.last()->attachedAxes().last()->alignment() == Qt::AlignRight);
}

void TestCharts::panelMarkersShowAndHide()
{
    MetricChartPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed("run-a");
    feed.state(JobState::Queued, JobState::Running);
    feedTraining(feed, 1, 600, {.evalEvery = 200, .checkpointEvery = 300});
    feed.state(JobState::Running, JobState::Paused);
    feed.state(JobState::Paused, JobState::Queued);
    feed.state(JobState::Queued, JobState::Running);
    feedTraining(feed, 601, 700, {.evalEvery = 0, .checkpointEvery = 0});
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.redrawNow();
    QCOMPARE(panel.chartView()->markers().size(), 7); // 2 checkpoints, 3 evaluations, pause, resume

    MarkerFilter onlyCheckpoints;
    onlyCheckpoints.evaluations = false;
    onlyCheckpoints.stops = false;
    panel.setMarkerFilter(onlyCheckpoints);
    panel.redrawNow();
    QCOMPARE(panel.chartView()->markers().size(), 2);
    for (const MarkerGlyph &glyph : panel.chartView()->markers())
        QCOMPARE(glyph.kind, MarkerKind::Checkpoint);

    MarkerFilter none;
    none.shown = false;
    panel.setMarkerFilter(none);
    panel.redrawNow();
    QVERIFY(panel.chartView()->markers().isEmpty());
    QCOMPARE(panel.chartView()->markerLaneShare(), 0.0);
}

void TestCharts::panelHoverReadsExactValues()
{
    MetricChartPanel panel;
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed = runningFeed("run-a", 1000);
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.setSelectedMetrics({u"loss"_s});
    panel.setSmoothing(0.5);
    panel.redrawNow();

    MetricChartView *view = panel.chartView();
    // The position of step 500 on the chart.
    const QPointF scene = view->scenePositionOf(QPointF(500, 1), false);
    const QPointF at = view->mapFromScene(scene);
    const HoverReadout readout = panel.readoutAt(QPointF(at.x(), view->plotRect().center().y()));
    QVERIFY(readout.visible);
    QCOMPARE(readout.rows.size(), 1);
    const ReadoutRow &row = readout.rows.first();
    QCOMPARE(row.run, QStringLiteral("Run A"));
    QCOMPARE(row.metric, QStringLiteral("loss"));
    const double step = row.x.toDouble();
    QVERIFY(std::abs(step - 500) <= 2);
    const MetricColumns loss = feed.history()->columns("loss", XAxis::Step);
    const auto index = static_cast<std::size_t>(step - 1);
    QCOMPARE(row.value, QString::number(loss.y[index], 'g', 6));
    QCOMPARE(row.smoothed, QString::number(emaSmooth(loss.y, 0.5)[index], 'g', 6));
    QCOMPARE(readout.header.size(), 5);

    // Outside the plot there is nothing to read.
    QVERIFY(!panel.readoutAt(QPointF(2, 2)).visible);

    // Hovering over a checkpoint's symbol names it.
    panel.setSmoothing(0);
    panel.redrawNow();
    const MarkerGlyph checkpoint = *std::find_if(view->markers().begin(), view->markers().end(),
                                                 [](const MarkerGlyph &g) { return g.kind == MarkerKind::Checkpoint; });
    QPointF symbol = view->mapFromScene(view->scenePositionOf(QPointF(checkpoint.x, 1), false));
    // The checkpoint lane is the lowest: just above the bottom of the plot.
    symbol.setY(view->mapFromScene(view->plotRect().bottomLeft()).y() - 9);
    const HoverReadout onMarker = panel.readoutAt(symbol);
    QCOMPARE(onMarker.markerNotes.size(), 1);
    QVERIFY(onMarker.markerNotes.first().startsWith(QStringLiteral("Checkpoint saved at step 250")));
}

void TestCharts::panelWheelZoomsAroundTheCursorAndDoubleClickResets()
{
    MetricChartPanel panel;
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed = runningFeed("run-a", 1000);
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.redrawNow();
    MetricChartView *view = panel.chartView();
    const ChartWindow full = view->window();
    QCOMPARE(full.xmin, 1.0);
    QCOMPARE(full.xmax, 1000.0);

    const QPointF cursor = view->mapFromScene(view->scenePositionOf(QPointF(750, 1), false));
    const QPointF at(cursor.x(), view->mapFromScene(view->plotRect().center()).y());
    const double before = view->xValueAt(at);
    QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 480), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
    QVERIFY(panel.isZoomed());
    const ChartWindow zoomed = view->window();
    QVERIFY(zoomed.xmax - zoomed.xmin < (full.xmax - full.xmin) * 0.8);
    // The step under the cursor stays under it.
    qInfo("under the cursor: %.2f before, %.2f after", before, view->xValueAt(at));
    QVERIFY(std::abs(view->xValueAt(at) - before) <
            (zoomed.xmax - zoomed.xmin) / 100); // the plot may shift a pixel or two
    QVERIFY(zoomed.xmin > full.xmin && zoomed.xmax < full.xmax);

    // New data keeps the zoom.
    feedTraining(feed, 1001, 1100);
    panel.runUpdated(u"run-a"_s);
    QTRY_COMPARE(panel.redrawCount() > 0, true);
    panel.redrawNow();
    QVERIFY(std::abs(view->window().xmin - zoomed.xmin) < 1e-6);

    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at.toPoint());
    QVERIFY(!panel.isZoomed());
    QCOMPARE(view->window().xmax, 1100.0);
}

void TestCharts::panelRubberBandZoomsAndRedecimates()
{
    MetricChartPanel panel;
    panel.resize(1000, 600);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed = runningFeed("run-a", 100'000, {.totalSteps = 100'000, .evalEvery = 0, .checkpointEvery = 0});
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.setSmoothing(0);
    panel.redrawNow();
    MetricChartView *view = panel.chartView();
    const auto viewX = [&](double step) {
        return view->mapFromScene(view->scenePositionOf(QPointF(step, 1), false)).x();
    };
    const int top = view->mapFromScene(view->plotRect().topLeft()).y() + 5;
    const int bottom = view->mapFromScene(view->plotRect().bottomLeft()).y() - 5;
    // Drag across steps 40,000 to 41,000: at full view a pixel holds ~100 steps.
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, QPoint(viewX(40'000), top));
    QTest::mouseMove(view->viewport(), QPoint(viewX(41'000), bottom));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, QPoint(viewX(41'000), bottom));
    QVERIFY(panel.isZoomed());
    panel.redrawNow();
    const QList<QPointF> points = curveSeries(panel).first()->points();
    // Every step in the window is drawn now (plus one either side leading to the border).
    const ChartWindow window = view->window();
    QVERIFY(window.xmax - window.xmin < 1500);
    qsizetype inside = 0;
    for (const QPointF &p : points)
        inside += p.x() >= window.xmin && p.x() <= window.xmax;
    QVERIFY(inside >= qFloor(window.xmax) - qCeil(window.xmin));
}

void TestCharts::panelColoursStayWhenARunIsAdded()
{
    MetricChartPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed a = runningFeed("run-a", 100), b = runningFeed("run-b", 100), c = runningFeed("run-c", 100);
    panel.setRuns({{u"run-a"_s, u"A"_s, a.history()}});
    panel.redrawNow();
    const QColor colorA = panel.colorOf(u"run-a"_s);
    QVERIFY(colorA.isValid());
    panel.setRuns({{u"run-b"_s, u"B"_s, b.history()}, {u"run-a"_s, u"A"_s, a.history()}});
    panel.redrawNow();
    QCOMPARE(panel.colorOf(u"run-a"_s), colorA);
    QVERIFY(panel.colorOf(u"run-b"_s) != colorA);
    const QColor colorB = panel.colorOf(u"run-b"_s);
    panel.setRuns({{u"run-c"_s, u"C"_s, c.history()}, {u"run-a"_s, u"A"_s, a.history()}});
    panel.redrawNow();
    QCOMPARE(panel.colorOf(u"run-a"_s), colorA);
    QVERIFY(panel.colorOf(u"run-c"_s) != colorA);
    panel.setRuns(
        {{u"run-a"_s, u"A"_s, a.history()}, {u"run-b"_s, u"B"_s, b.history()}, {u"run-c"_s, u"C"_s, c.history()}});
    panel.redrawNow();
    QCOMPARE(panel.colorOf(u"run-b"_s), colorB);
    QVERIFY(panel.colorOf(u"run-c"_s) != colorB); // c did not take the colour of b while b was away
    // The legend names runs when one metric is shown for several, in their colours.
    panel.setSelectedMetrics({u"loss"_s});
    panel.redrawNow();
    const QList<QLineSeries *> series = curveSeries(panel);
    QCOMPARE(series.size(), 3);
    QCOMPARE(series[0]->name(), QStringLiteral("A"));
    QCOMPARE(series[0]->pen().color().rgb(), colorA.rgb());
}

void TestCharts::panelUsesThePalette()
{
    MetricChartPanel panel;
    QPalette dark = panel.palette();
    dark.setColor(QPalette::Base, QColor(0x1c1e21));
    dark.setColor(QPalette::Text, QColor(0xe6e8eb));
    panel.setPalette(dark);
    QCOMPARE(panel.chartView()->chart()->backgroundBrush().color(), QColor(0x1c1e21));
    QCOMPARE(panel.chartView()->chart()->axes(Qt::Horizontal).first()->labelsBrush().color(), QColor(0xe6e8eb));
    QCOMPARE(panel.chartView()->chart()->legend()->labelColor(), QColor(0xe6e8eb));
}

void TestCharts::panelExportsCsvAtFullResolution()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MetricChartPanel panel;
    RunFeed feed("run-a");
    feed.state(JobState::Queued, JobState::Running);
    feedTraining(feed, 1, 5000, {.evalEvery = 500, .checkpointEvery = 0});
    feed.step(5001, 12.5, {{"loss", kNaN}, {"lr", 1e-5}}); // a diverged step is data too
    feed.step(5002, 12.5, {{"lr", 1e-5}});                 // a step without loss is not
    RunFeed other = runningFeed("run,b", 10, {.evalEvery = 5});
    panel.setRuns({{u"run-a"_s, u"A"_s, feed.history()}, {u"run,b"_s, u"B"_s, other.history()}});
    panel.redrawNow();
    const QString path = dir.filePath(QStringLiteral("curves.csv"));
    QVERIFY(panel.exportCsv(path));
    const QStringList lines = readLines(path);
    QCOMPARE(lines.first(), QStringLiteral("run,metric,step,epoch,tokens_seen,wall_s,value"));
    // loss: 5001 rows; eval_loss: 10 rows; run,b: 10 + 2.
    QCOMPARE(lines.size(), 1 + 5001 + 10 + 10 + 2);
    const MetricColumns loss = feed.history()->columns("loss", XAxis::Step);
    const QStringList row = lines[1 + 1233].split(QLatin1Char(','));
    QCOMPARE(row[0], QStringLiteral("run-a"));
    QCOMPARE(row[1], QStringLiteral("loss"));
    QCOMPARE(row[2], QStringLiteral("1234"));
    QCOMPARE(row[4], QStringLiteral("%1").arg(1234 * 4096));
    QCOMPARE(row[6].toDouble(), loss.y[1233]); // full precision, read back exactly
    const QStringList diverged = lines[5001].split(QLatin1Char(','));
    QCOMPARE(diverged.mid(0, 5),
             (QStringList{u"run-a"_s, u"loss"_s, u"5001"_s, u"12.5"_s, QString::number(5000 * 4096)}));
    QCOMPARE(diverged[5].toDouble(), feed.history()->steps().axis(XAxis::WallTime)[5000]);
    QCOMPARE(diverged[6], QStringLiteral("nan"));
    QVERIFY(lines.last().startsWith(QStringLiteral("\"run,b\",eval_loss,10,")));

    QVERIFY(!panel.exportCsv(dir.filePath(QStringLiteral("no/such/folder/curves.csv"))));
    QVERIFY(!panel.lastExportError().isEmpty());
}

void TestCharts::panelExportsCsvOnAWorkerWhileTheRunGoesOn()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MetricChartPanel panel;
    RunFeed feed = runningFeed("run-a", 2000, {.evalEvery = 100});
    panel.setRuns({{u"run-a"_s, u"A"_s, feed.history()}});
    const QString inline_ = dir.filePath(QStringLiteral("inline.csv"));
    QVERIFY(panel.exportCsv(inline_));

    QSignalSpy exported(&panel, &MetricChartPanel::csvExported);
    const QString background = dir.filePath(QStringLiteral("background.csv"));
    panel.exportCsvInBackground(background);
    // The live run goes on while the worker writes: the file holds the rows of the moment
    // the export started.
    feedTraining(feed, 2001, 2500, {.evalEvery = 0, .checkpointEvery = 0});
    QTRY_COMPARE(exported.size(), 1);
    QCOMPARE(exported.front().at(0).toString(), background);
    QCOMPARE(exported.front().at(1).toString(), QString());
    QCOMPARE(readLines(background), readLines(inline_));

    panel.exportCsvInBackground(dir.filePath(QStringLiteral("no/such/folder/curves.csv")));
    QTRY_COMPARE(exported.size(), 2);
    QVERIFY(!exported.back().at(1).toString().isEmpty());
    QVERIFY(!panel.lastExportError().isEmpty());
}

void TestCharts::panelExportsPngAndSvg()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MetricChartPanel panel;
    panel.resize(900, 500);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    RunFeed feed = runningFeed("run-a", 800);
    panel.setRuns({{u"run-a"_s, u"Run A"_s, feed.history()}});
    panel.runUpdated(u"run-a"_s);

    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QVERIFY2(panel.exportPng(png), qPrintable(panel.lastExportError()));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size() / image.devicePixelRatio(), panel.chartView()->size());
    // Not a blank picture: the run's colour is in it.
    const QColor run = panel.colorOf(u"run-a"_s);
    bool found = false;
    for (int y = 0; y < image.height() && !found; y += 2)
        for (int x = 0; x < image.width() && !found; ++x)
            found = image.pixelColor(x, y).rgb() == run.rgb();
    QVERIFY(found);

    const QString svg = dir.filePath(QStringLiteral("chart.svg"));
    QVERIFY2(panel.exportSvg(svg), qPrintable(panel.lastExportError()));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QVERIFY(QFileInfo(svg).size() > 1000);
    QVERIFY(!panel.exportPng(dir.filePath(QStringLiteral("no/such/folder/chart.png"))));
}

void TestCharts::panelLooksRight()
{
    // Pictures to look at: set LLMOS_CHARTS_LOOK_DIR to get them.
    const QString folder = qEnvironmentVariable("LLMOS_CHARTS_LOOK_DIR");
    if (folder.isEmpty())
        QSKIP("LLMOS_CHARTS_LOOK_DIR is not set");
    {
        MetricChartPanel empty;
        empty.setPalette(ThemeSetup::lightPalette());
        empty.resize(900, 500);
        empty.show();
        QVERIFY(QTest::qWaitForWindowExposed(&empty));
        // Exported straight after the runs are set, with no event loop in between.
        RunFeed quick = runningFeed("run-q", 2000);
        empty.setRuns({{u"run-q"_s, u"Quick export"_s, quick.history()}});
        QVERIFY(empty.exportPng(folder + QStringLiteral("/charts-look-quick-export.png")));
        RunFeed starting("run-s");
        starting.state(JobState::Queued, JobState::Running);
        empty.setRuns({{u"run-s"_s, u"Starting run"_s, starting.history()}});
        QTest::qWait(50);
        QVERIFY(empty.grab().save(folder + QStringLiteral("/charts-look-empty.png")));
    }
    RunFeed a("run-a");
    a.state(JobState::Queued, JobState::Running);
    feedTraining(a, 1, 1400, {.totalSteps = 3000, .seed = 1});
    a.state(JobState::Running, JobState::Paused);
    a.advance(600'000);
    a.state(JobState::Paused, JobState::Queued);
    a.state(JobState::Queued, JobState::Running);
    feedTraining(a, 1401, 3000, {.totalSteps = 3000, .seed = 1});
    RunFeed b = runningFeed("run-b", 2200, {.totalSteps = 3000, .checkpointEvery = 500, .finalLoss = 0.8, .seed = 2});

    for (const bool darkTheme : {false, true}) {
        for (const QSize size : {QSize(1200, 620), QSize(900, 500)}) {
            MetricChartPanel panel;
            panel.setPalette(darkTheme ? ThemeSetup::darkPalette() : ThemeSetup::lightPalette());
            panel.resize(size);
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            panel.setRuns(
                {{u"run-a"_s, u"lr 2e-4 · r 16"_s, a.history()}, {u"run-b"_s, u"lr 1e-4 · r 8"_s, b.history()}});
            panel.setSmoothing(0.7);
            panel.redrawNow();
            MetricChartView *view = panel.chartView();
            const QPointF cursor = view->mapFromScene(view->scenePositionOf(QPointF(1800, 1), false));
            QTest::qWait(50); // as a window would: layouts settle in the event loop
            QTest::mouseMove(view->viewport(),
                             QPoint(qRound(cursor.x()), view->mapFromScene(view->plotRect().center()).y()));
            const QString name = QStringLiteral("%1/charts-look%2%3.png")
                                     .arg(folder, size.width() == 900 ? QStringLiteral("-900") : QString(),
                                          darkTheme ? QStringLiteral("-dark") : QString());
            QVERIFY(panel.grab().save(name));
            if (!darkTheme && size.width() != 900) {
                panel.setSelectedMetrics({u"loss"_s, u"lr"_s});
                panel.setXAxis(XAxis::WallTime);
                panel.setLogY(true);
                panel.redrawNow();
                QTest::qWait(50);
                QVERIFY(panel.grab().save(folder + QStringLiteral("/charts-look-lr-wall-logy.png")));
            }
        }
    }
}

QTEST_MAIN(TestCharts)
#include "test_charts.moc"
