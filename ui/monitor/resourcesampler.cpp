#include "monitor/resourcesampler.h"

#include "monitor/resourceprobe.h"

#include <QtConcurrent/QtConcurrentRun>

namespace llmos {

namespace {
constexpr int kIntervalMs = 1000;
// CPU use needs two readings; the second comes soon after the first so the status bar
// shows real figures almost at once instead of dashes for a whole second.
constexpr int kSecondReadingMs = 250;
} // namespace

ResourceSampler::ResourceSampler(QObject *parent)
    : ResourceSampler(std::make_shared<ResourceProbe>(), parent)
{
}

ResourceSampler::ResourceSampler(std::shared_ptr<ResourceProbe> probe, QObject *parent)
    : QObject(parent)
    , m_probe(std::move(probe))
{
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ResourceSampler::sampleNow);
    connect(&m_watcher, &QFutureWatcher<ResourceSample>::finished, this,
            [this] { Q_EMIT sampled(m_watcher.result()); });
}

ResourceSampler::~ResourceSampler() = default;

void ResourceSampler::start()
{
    sampleNow();
    QTimer::singleShot(kSecondReadingMs, this, &ResourceSampler::sampleNow);
    m_timer.start();
}

void ResourceSampler::stop()
{
    m_timer.stop();
}

void ResourceSampler::sampleNow()
{
    if (m_watcher.isRunning())
        return;
    m_watcher.setFuture(QtConcurrent::run([probe = m_probe] { return probe->sample(); }));
}

} // namespace llmos
