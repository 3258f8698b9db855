#include "jobs/devicecapacity.h"

#include <charconv>
#include <fstream>
#include <sstream>
#include <thread>

namespace llmos {

namespace {
std::optional<std::uint64_t> meminfoKilobytes(std::string_view text, std::string_view key)
{
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        if (!line.starts_with(key))
            continue;
        line.remove_prefix(key.size());
        while (!line.empty() && line.front() == ' ')
            line.remove_prefix(1);
        std::uint64_t kb = 0;
        const auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), kb);
        if (ec != std::errc() || ptr == line.data())
            return std::nullopt;
        return kb;
    }
    return std::nullopt;
}
} // namespace

std::optional<std::uint64_t> availableMemoryFromMeminfo(std::string_view procMeminfo)
{
    auto kb = meminfoKilobytes(procMeminfo, "MemAvailable:");
    if (!kb)
        kb = meminfoKilobytes(procMeminfo, "MemFree:"); // kernels before 3.14
    if (!kb || *kb > UINT64_MAX / 1024)
        return std::nullopt;
    return *kb * 1024;
}

DeviceCapacity cpuCapacity(std::uint64_t reserveBytes)
{
    std::ifstream in("/proc/meminfo");
    std::ostringstream text;
    text << in.rdbuf();
    const std::uint64_t available = availableMemoryFromMeminfo(text.str()).value_or(0);
    DeviceCapacity capacity;
    capacity.device = "cpu";
    capacity.memoryBytes = available > reserveBytes ? available - reserveBytes : 0;
    capacity.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return capacity;
}

} // namespace llmos
