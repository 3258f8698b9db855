#pragma once

#include <QString>

#include <cstdint>

namespace llmos {

// One GPU's load at one moment, as the NVIDIA driver reports it.
struct GpuUsage {
    QString name;
    int utilizationPercent = -1; // -1: the driver does not say (e.g. a MIG slice)
    std::uint64_t memoryUsedBytes = 0;
    std::uint64_t memoryTotalBytes = 0;
};

} // namespace llmos
