#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace llmos {

// What the scheduler may hand out on the device jobs run on. Jobs whose estimates add up
// to at most these run side by side; a job that alone exceeds them is refused.
struct DeviceCapacity {
    std::string device = "cpu"; // named in messages: "cpu", "cuda:0"
    std::uint64_t memoryBytes = 0;
    int threads = 1;
};

// The machine's memory available to new allocations (MemAvailable in /proc/meminfo, or
// MemFree on kernels without it); nullopt when it cannot be read or parsed.
std::optional<std::uint64_t> availableMemoryFromMeminfo(std::string_view procMeminfo);

// The CPU as a device: MemAvailable now, less `reserveBytes` for the window, the server
// and the page cache, and one thread per hardware thread. The caller builds CUDA's from
// the driver's free memory.
DeviceCapacity cpuCapacity(std::uint64_t reserveBytes);

} // namespace llmos
