// Event-loop latency while training runs: the window (offscreen) follows a live run on the
// Jobs page, curves and log drawn as events arrive, while a timer on the GUI thread
// measures how late each of its ticks fires. The same timer over the idle window first
// is the reference measured in the same run. Prints the lag's percentiles; the target is
// p99 below 30 ms while training (docs/PERFORMANCE.md).
//
//   QT_QPA_PLATFORM=offscreen build/bin/bench_gui_latency [--steps N] [--tick-ms T]

#include "charts/metricchartpanel.h"
#include "jobcenter/jobcenter.h"
#include "mainwindow.h"
#include "pages/jobspage.h"
#include "recipe/trainingrecipe.h"
#include "trainingfixture.h"
#include "windowfixture.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace llmos;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    int steps = 1500;
    int tickMs = 5;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--steps"))
            steps = args[i + 1].toInt();
        else if (args[i] == QStringLiteral("--tick-ms"))
            tickMs = args[i + 1].toInt();
    }
    WindowFixture::nameApplication("bench_gui_latency");
    test::TrainingFixture data;
    WindowFixture fixture;
    MainWindow window(fixture.services());
    window.resize(1200, 760);
    window.show();
    window.showPage(QStringLiteral("jobs"));

    // Lags of a timer of `tickMs` until `done()` says stop, sorted.
    auto measure = [&app, tickMs](const std::function<bool()> &done) {
        std::vector<double> lags;
        QElapsedTimer clock;
        clock.start();
        qint64 last = clock.nsecsElapsed();
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(tickMs);
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            lags.push_back(std::max(0.0, double(now - last) / 1e6 - tickMs));
            last = now;
            if (done())
                app.quit();
        });
        probe.start();
        app.exec();
        std::sort(lags.begin(), lags.end());
        return lags;
    };
    auto report = [tickMs](const char *what, const std::vector<double> &lags) {
        auto percentile = [&](double p) {
            return lags.empty() ? 0.0 : lags[std::min(lags.size() - 1, std::size_t(p * double(lags.size())))];
        };
        std::printf("%s: GUI timer lag over %zu ticks of %d ms: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                    what, lags.size(), tickMs, percentile(0.5), percentile(0.9), percentile(0.99),
                    lags.empty() ? 0.0 : lags.back());
    };

    // The reference: the same window, idle, for five seconds.
    QElapsedTimer idle;
    idle.start();
    const auto idleLags = measure([&idle] { return idle.elapsed() >= 5000; });

    auto document = data.causalRecipe();
    document["training"]["max_steps"] = steps;
    document["training"]["eval_every"] = std::max(1, steps / 20);
    document["training"]["checkpoint_every"] = std::max(1, steps / 5);
    document["output"] = {{"register", false}};
    QSignalSpy submitted(&fixture.jobs(), &JobCenter::runSubmitted);
    fixture.jobs().submitTraining(parseTrainingRecipe(document));
    if (!submitted.wait(60000)) {
        std::fprintf(stderr, "the run did not start\n");
        return 1;
    }
    const QString runId = submitted.front().front().toString();
    window.jobsPage()->showRun(runId);

    QElapsedTimer clock;
    clock.start();
    const auto lagsMs = measure([&] {
        const auto run = fixture.jobs().jobList()->run(runId);
        return run && isTerminal(run->state);
    });

    const auto run = fixture.jobs().jobList()->run(runId);
    std::printf("run %s: %s, %d steps in %.1f s; chart points drawn at the end: %d\n", qPrintable(runId),
                run ? jobStateName(run->state) : "?", steps, double(clock.elapsed()) / 1000.0,
                window.jobsPage()->chartPanel()->drawnPointCount());
    report("idle window (reference)", idleLags);
    report("following the run", lagsMs);
    return run && run->state == JobState::Succeeded ? 0 : 1;
}
