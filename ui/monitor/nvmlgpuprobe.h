#pragma once

#include "monitor/gpuusage.h"

#include <QLibrary>
#include <QList>

#include <memory>

namespace llmos {

// Reads GPU load and memory through NVIDIA's management library, loaded at run time:
// the workbench must start on machines without the NVIDIA driver, and libtorch cannot
// report utilisation. On the first call it loads the library and lists the devices;
// if anything is missing it reports no GPUs from then on. Not thread-safe: one
// thread at a time (ResourceSampler runs one sample at a time).
class NvmlGpuProbe {
public:
    // `library`: the file to load; tests pass a fake one.
    explicit NvmlGpuProbe(QString library = QStringLiteral("libnvidia-ml.so.1"));
    ~NvmlGpuProbe();
    NvmlGpuProbe(const NvmlGpuProbe &) = delete;
    NvmlGpuProbe &operator=(const NvmlGpuProbe &) = delete;

    QList<GpuUsage> sample();

private:
    bool initialize();

    using Device = void *;
    struct Api;

    QLibrary m_library;
    std::unique_ptr<Api> m_api;
    bool m_tried = false;
    bool m_initialized = false;
    QList<Device> m_devices;
    QList<QString> m_names;
};

} // namespace llmos
