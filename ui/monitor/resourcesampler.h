#pragma once

#include "monitor/resourcesample.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

#include <memory>

namespace llmos {

class ResourceProbe;

// Samples the machine about once a second for the status bar. Each sample runs on the
// global thread pool and comes back to the GUI thread through a QFutureWatcher; a tick
// that finds the previous sample still running is skipped, so a slow driver call never
// piles up work or blocks the window.
class ResourceSampler : public QObject {
    Q_OBJECT
public:
    explicit ResourceSampler(QObject *parent = nullptr);
    // For tests: a probe over canned files.
    ResourceSampler(std::shared_ptr<ResourceProbe> probe, QObject *parent = nullptr);
    ~ResourceSampler() override;

    void start();
    void stop();

Q_SIGNALS:
    void sampled(const ResourceSample &sample);

private:
    void sampleNow();

    // Shared with the sample in flight, so destroying the sampler never waits for it.
    std::shared_ptr<ResourceProbe> m_probe;
    QTimer m_timer;
    QFutureWatcher<ResourceSample> m_watcher;
};

} // namespace llmos
