#include "monitor/resourceprobe.h"

#include <QFile>

#include <string_view>

#include <unistd.h>

namespace llmos {

namespace {

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

} // namespace

ResourceProbe::ResourceProbe(QString procRoot, QString nvmlLibrary)
    : m_procRoot(std::move(procRoot))
    , m_gpu(std::move(nvmlLibrary))
{
}

QByteArray ResourceProbe::read(const QString &relativePath) const
{
    QFile file(m_procRoot + QLatin1Char('/') + relativePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // /proc files report size 0; readAll reads to the end anyway
}

ResourceSample ResourceProbe::sample()
{
    ResourceSample s;

    const auto machine = procfs::parseMachineCpuTimes(view(read(QStringLiteral("stat"))));
    const auto processTicks = procfs::parseProcessCpuTicks(view(read(QStringLiteral("self/stat"))));
    if (machine && m_lastMachine && machine->total >= m_lastMachine->total) {
        const std::uint64_t totalDelta = machine->total - m_lastMachine->total;
        if (const auto percent = procfs::cpuPercent(machine->busy - m_lastMachine->busy, totalDelta))
            s.machineCpuPercent = *percent;
        // Both counts are in the same clock ticks, and the machine's sums every CPU, so
        // this is the process's share of the whole machine, comparable with the above.
        if (processTicks && m_lastProcessTicks && *processTicks >= *m_lastProcessTicks) {
            if (const auto percent = procfs::cpuPercent(*processTicks - *m_lastProcessTicks, totalDelta))
                s.processCpuPercent = *percent;
        }
    }
    m_lastMachine = machine;
    m_lastProcessTicks = processTicks;

    if (const auto pages = procfs::parseResidentPages(view(read(QStringLiteral("self/statm")))))
        s.processResidentBytes = *pages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
    if (const auto memory = procfs::parseMeminfo(view(read(QStringLiteral("meminfo"))))) {
        s.machineMemoryTotalBytes = memory->totalBytes;
        s.machineMemoryAvailableBytes = memory->availableBytes;
    }
    s.gpus = m_gpu.sample();
    return s;
}

} // namespace llmos
