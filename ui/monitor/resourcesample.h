#pragma once

#include "monitor/gpuusage.h"

#include <QList>

#include <cstdint>

namespace llmos {

// What the status bar shows, measured at one moment. A value that could not be read
// stays at its "unknown" default, and the status bar shows a dash for it.
struct ResourceSample {
    double machineCpuPercent = -1; // all cores together; -1 until two readings exist
    double processCpuPercent = -1; // this process, as a share of the whole machine
    std::uint64_t processResidentBytes = 0;
    std::uint64_t machineMemoryTotalBytes = 0;
    std::uint64_t machineMemoryAvailableBytes = 0;
    QList<GpuUsage> gpus; // empty: no NVIDIA GPU (or no driver)
};

} // namespace llmos
