#include "monitor/nvmlgpuprobe.h"

#include <type_traits>

namespace llmos {

namespace {

// The few NVML declarations used, from nvml.h (stable C ABI since driver 331); copied so
// the build does not need the CUDA toolkit.
constexpr int kNvmlSuccess = 0;
struct NvmlUtilization {
    unsigned int gpu;
    unsigned int memory;
};
struct NvmlMemory {
    unsigned long long total;
    unsigned long long free;
    unsigned long long used;
};
constexpr unsigned int kNameLength = 96; // NVML_DEVICE_NAME_V2_BUFFER_SIZE

} // namespace

struct NvmlGpuProbe::Api {
    int (*init)() = nullptr;
    int (*shutdown)() = nullptr;
    int (*deviceCount)(unsigned int *) = nullptr;
    int (*deviceByIndex)(unsigned int, Device *) = nullptr;
    int (*deviceName)(Device, char *, unsigned int) = nullptr;
    int (*utilization)(Device, NvmlUtilization *) = nullptr;
    int (*memory)(Device, NvmlMemory *) = nullptr;
};

NvmlGpuProbe::NvmlGpuProbe(QString library)
    : m_library(library)
{
}

NvmlGpuProbe::~NvmlGpuProbe()
{
    if (m_initialized)
        m_api->shutdown();
    // The library stays loaded: unloading a driver library at exit buys nothing.
}

bool NvmlGpuProbe::initialize()
{
    if (!m_library.load())
        return false;
    m_api = std::make_unique<Api>();
    auto resolve = [this](auto &function, const char *name) {
        function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(m_library.resolve(name));
        return function != nullptr;
    };
    const bool resolved = resolve(m_api->init, "nvmlInit_v2") && resolve(m_api->shutdown, "nvmlShutdown")
                          && resolve(m_api->deviceCount, "nvmlDeviceGetCount_v2")
                          && resolve(m_api->deviceByIndex, "nvmlDeviceGetHandleByIndex_v2")
                          && resolve(m_api->deviceName, "nvmlDeviceGetName")
                          && resolve(m_api->utilization, "nvmlDeviceGetUtilizationRates")
                          && resolve(m_api->memory, "nvmlDeviceGetMemoryInfo");
    if (!resolved || m_api->init() != kNvmlSuccess)
        return false;
    m_initialized = true;
    unsigned int count = 0;
    if (m_api->deviceCount(&count) != kNvmlSuccess)
        return false;
    for (unsigned int i = 0; i < count; ++i) {
        Device device = nullptr;
        if (m_api->deviceByIndex(i, &device) != kNvmlSuccess)
            continue; // e.g. a GPU this user may not access
        char name[kNameLength] = {};
        if (m_api->deviceName(device, name, kNameLength) != kNvmlSuccess)
            name[0] = '\0';
        m_devices << device;
        m_names << QString::fromUtf8(name);
    }
    return true;
}

QList<GpuUsage> NvmlGpuProbe::sample()
{
    if (!m_tried) {
        m_tried = true;
        if (!initialize())
            m_devices.clear();
    }
    QList<GpuUsage> usage;
    for (qsizetype i = 0; i < m_devices.size(); ++i) {
        GpuUsage gpu;
        gpu.name = m_names.at(i);
        NvmlUtilization rates{};
        if (m_api->utilization(m_devices.at(i), &rates) == kNvmlSuccess)
            gpu.utilizationPercent = static_cast<int>(rates.gpu);
        NvmlMemory memory{};
        if (m_api->memory(m_devices.at(i), &memory) == kNvmlSuccess) {
            gpu.memoryUsedBytes = memory.used;
            gpu.memoryTotalBytes = memory.total;
        }
        usage << gpu;
    }
    return usage;
}

} // namespace llmos
