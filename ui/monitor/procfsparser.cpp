#include "monitor/procfsparser.h"

#include <array>
#include <charconv>

namespace llmos::procfs {

namespace {

constexpr std::string_view kSpaces = " \t";

// Reads the next unsigned decimal from `text`, skipping blanks; advances `text`.
std::optional<std::uint64_t> nextNumber(std::string_view &text)
{
    const auto start = text.find_first_not_of(kSpaces);
    if (start == std::string_view::npos)
        return std::nullopt;
    text.remove_prefix(start);
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc())
        return std::nullopt;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return value;
}

// Skips one blank-separated field of any content.
bool skipField(std::string_view &text)
{
    const auto start = text.find_first_not_of(kSpaces);
    if (start == std::string_view::npos)
        return false;
    text.remove_prefix(start);
    const auto end = text.find_first_of(" \t\n");
    text.remove_prefix(end == std::string_view::npos ? text.size() : end);
    return true;
}

std::string_view lineStartingWith(std::string_view text, std::string_view prefix)
{
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(pos, end - pos);
        if (line.starts_with(prefix))
            return line.substr(prefix.size());
        pos = end + 1;
    }
    return {};
}

std::optional<std::uint64_t> meminfoKilobytes(std::string_view meminfo, std::string_view key)
{
    std::string_view rest = lineStartingWith(meminfo, key);
    if (rest.empty())
        return std::nullopt;
    return nextNumber(rest);
}

} // namespace

std::optional<CpuTimes> parseMachineCpuTimes(std::string_view procStat)
{
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    std::string_view rest = lineStartingWith(procStat, "cpu ");
    if (rest.empty())
        return std::nullopt;
    std::array<std::uint64_t, 8> fields{};
    std::size_t count = 0;
    // Old kernels print only the first four; later fields default to zero.
    for (; count < fields.size(); ++count) {
        const auto value = nextNumber(rest);
        if (!value)
            break;
        fields[count] = *value;
    }
    if (count < 4)
        return std::nullopt;
    CpuTimes times;
    for (const auto f : fields)
        times.total += f;
    const std::uint64_t idle = fields[3] + fields[4];
    times.busy = times.total - idle;
    return times;
}

std::optional<std::uint64_t> parseProcessCpuTicks(std::string_view procSelfStat)
{
    // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
    const auto close = procSelfStat.rfind(')');
    if (close == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = procSelfStat.substr(close + 1);
    // Fields 3..13 (state .. cmajflt): 11 fields before utime.
    for (int i = 0; i < 11; ++i) {
        if (!skipField(rest))
            return std::nullopt;
    }
    const auto utime = nextNumber(rest);
    const auto stime = nextNumber(rest);
    if (!utime || !stime)
        return std::nullopt;
    return *utime + *stime;
}

std::optional<std::uint64_t> parseResidentPages(std::string_view procSelfStatm)
{
    // size resident shared text lib data dt
    std::string_view rest = procSelfStatm;
    if (!nextNumber(rest))
        return std::nullopt;
    return nextNumber(rest);
}

std::optional<MachineMemory> parseMeminfo(std::string_view procMeminfo)
{
    const auto total = meminfoKilobytes(procMeminfo, "MemTotal:");
    if (!total)
        return std::nullopt;
    // Kernels before 3.14 have no MemAvailable: count free memory only.
    auto available = meminfoKilobytes(procMeminfo, "MemAvailable:");
    if (!available)
        available = meminfoKilobytes(procMeminfo, "MemFree:");
    return MachineMemory{*total * 1024, available.value_or(0) * 1024};
}

std::optional<double> cpuPercent(std::uint64_t busyTicks, std::uint64_t totalTicks)
{
    if (totalTicks == 0)
        return std::nullopt;
    const double percent = 100.0 * static_cast<double>(busyTicks) / static_cast<double>(totalTicks);
    return percent > 100.0 ? 100.0 : percent;
}

} // namespace llmos::procfs
