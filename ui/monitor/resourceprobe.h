#pragma once

#include "monitor/nvmlgpuprobe.h"
#include "monitor/procfsparser.h"
#include "monitor/resourcesample.h"

#include <QString>

#include <optional>

namespace llmos {

// Takes one ResourceSample: reads /proc (machine and process CPU, memory) and asks the
// GPU driver. CPU use is a rate, so each sample is measured against the previous one;
// the first sample has no CPU figures. File reads are small but still I/O, so
// ResourceSampler calls this off the GUI thread, one sample at a time.
class ResourceProbe {
public:
    // `procRoot` and `nvmlLibrary` are for tests: a folder of canned files, a fake library.
    explicit ResourceProbe(QString procRoot = QStringLiteral("/proc"),
                           QString nvmlLibrary = QStringLiteral("libnvidia-ml.so.1"));

    ResourceSample sample();

private:
    QByteArray read(const QString &relativePath) const;

    QString m_procRoot;
    NvmlGpuProbe m_gpu;
    std::optional<procfs::CpuTimes> m_lastMachine;
    std::optional<std::uint64_t> m_lastProcessTicks;
};

} // namespace llmos
