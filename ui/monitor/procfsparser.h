#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace llmos::procfs {

// Pure parsers for the few Linux /proc files the status bar samples. They take the
// file's text so tests can feed canned contents; each returns nullopt on text it
// does not understand rather than a made-up number.

// The machine's CPU time since boot, in clock ticks summed over all CPUs.
struct CpuTimes {
    std::uint64_t busy = 0;
    std::uint64_t total = 0;
};
// From /proc/stat: the aggregate "cpu " line. Idle and I/O wait count as not busy;
// guest time is already part of user time, so it is not added twice.
std::optional<CpuTimes> parseMachineCpuTimes(std::string_view procStat);

// From /proc/self/stat: user + system time of this process, in clock ticks. The command
// name field may hold spaces and parentheses, so fields are counted after the last ')'.
std::optional<std::uint64_t> parseProcessCpuTicks(std::string_view procSelfStat);

// From /proc/self/statm: resident set size, in pages.
std::optional<std::uint64_t> parseResidentPages(std::string_view procSelfStatm);

struct MachineMemory {
    std::uint64_t totalBytes = 0;
    std::uint64_t availableBytes = 0; // what new allocations can get without swapping
};
// From /proc/meminfo: MemTotal and MemAvailable.
std::optional<MachineMemory> parseMeminfo(std::string_view procMeminfo);

// Share of the machine's CPU time, in percent, between two readings; nullopt when no
// time passed (two readings in the same tick).
std::optional<double> cpuPercent(std::uint64_t busyTicks, std::uint64_t totalTicks);

} // namespace llmos::procfs
