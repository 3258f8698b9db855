#include "monitor/nvmlgpuprobe.h"
#include "monitor/procfsparser.h"
#include "monitor/resourceprobe.h"
#include "monitor/resourcesampler.h"
#include "widgets/resourceusageindicator.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace llmos;
using namespace llmos::procfs;

namespace {

std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

void writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

// A /proc with the four files the probe reads, at a chosen moment.
void writeProc(const QString &root, quint64 user, quint64 idle, quint64 processTicks)
{
    writeFile(root + QStringLiteral("/stat"),
              QStringLiteral("cpu  %1 0 0 %2 0 0 0 0 0 0\ncpu0 1 0 0 1 0 0 0 0 0 0\nintr 1\n")
                  .arg(user)
                  .arg(idle)
                  .toLatin1());
    writeFile(root + QStringLiteral("/self/stat"),
              QStringLiteral("4242 (llmos) S 1 4242 4242 0 -1 4194560 100 0 0 0 %1 0 0 0 20 0 9 0 100 1 1\n")
                  .arg(processTicks)
                  .toLatin1());
    writeFile(root + QStringLiteral("/self/statm"), "250000 1000 500 10 0 20000 0\n");
    writeFile(root + QStringLiteral("/meminfo"),
              "MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:    6000000 kB\n");
}

ResourceSample cannedSample()
{
    ResourceSample s;
    s.machineCpuPercent = 25.4;
    s.processCpuPercent = 4.6;
    s.processResidentBytes = 400ull << 20;
    s.machineMemoryTotalBytes = 16ull << 30;
    s.machineMemoryAvailableBytes = 6ull << 30;
    return s;
}

} // namespace

class TestResourceMonitor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void machineCpuTimes_data();
    void machineCpuTimes();
    void processCpuTicksSurviveOddCommandNames_data();
    void processCpuTicksSurviveOddCommandNames();
    void residentPages();
    void meminfo_data();
    void meminfo();
    void cpuPercentOfNoTimeIsUnknown();
    void probeMeasuresCpuAgainstThePreviousSample();
    void gpuProbeReadsTheDriver();
    void noDriverMeansNoGpu();
    void indicatorShowsASample();
    void indicatorShowsGpusOnlyWhenPresent();
    void samplerDeliversRealSamplesOfThisMachine();
};

void TestResourceMonitor::machineCpuTimes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("busy");
    QTest::addColumn<quint64>("total");
    // user nice system idle iowait irq softirq steal guest guest_nice: guest is inside user.
    QTest::newRow("linux 5") << QByteArray("cpu  100 20 30 800 50 5 5 10 40 0\ncpu0 1 2 3 4 5 6 7 8 9 0\n") << true
                             << quint64(170) << quint64(1020);
    QTest::newRow("old kernel, four fields") << QByteArray("cpu 10 0 10 80\n") << true << quint64(20) << quint64(100);
    QTest::newRow("per-cpu lines only") << QByteArray("cpu0 1 2 3 4\n") << false << quint64(0) << quint64(0);
    QTest::newRow("empty") << QByteArray() << false << quint64(0) << quint64(0);
    QTest::newRow("truncated") << QByteArray("cpu  1 2") << false << quint64(0) << quint64(0);
}

void TestResourceMonitor::machineCpuTimes()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const auto times = parseMachineCpuTimes(view(text));
    QCOMPARE(times.has_value(), valid);
    if (!valid)
        return;
    QFETCH(quint64, busy);
    QFETCH(quint64, total);
    QCOMPARE(quint64(times->busy), busy);
    QCOMPARE(quint64(times->total), total);
}

void TestResourceMonitor::processCpuTicksSurviveOddCommandNames_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<quint64>("ticks");
    const QByteArray tail = " S 1 77 77 0 -1 4194560 1234 0 2 0 300 45 0 0 20 0 12 0 5000 900000 3000\n";
    QTest::newRow("plain") << QByteArray("77 (llmos)") + tail << quint64(345);
    QTest::newRow("spaces") << QByteArray("77 (llmos worker 2)") + tail << quint64(345);
    QTest::newRow("parentheses") << QByteArray("77 (a) b) (c)") + tail << quint64(345);
}

void TestResourceMonitor::processCpuTicksSurviveOddCommandNames()
{
    QFETCH(QByteArray, text);
    QFETCH(quint64, ticks);
    const auto parsed = parseProcessCpuTicks(view(text));
    QVERIFY(parsed);
    QCOMPARE(quint64(*parsed), ticks);
    QVERIFY(!parseProcessCpuTicks("77 (llmos) S 1 2"));
    QVERIFY(!parseProcessCpuTicks("no parenthesis at all"));
}

void TestResourceMonitor::residentPages()
{
    QCOMPARE(quint64(*parseResidentPages("250000 1000 500 10 0 20000 0\n")), quint64(1000));
    QVERIFY(!parseResidentPages("250000"));
    QVERIFY(!parseResidentPages(""));
}

void TestResourceMonitor::meminfo_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("total");
    QTest::addColumn<quint64>("available");
    QTest::newRow("modern") << QByteArray("MemTotal:       16318568 kB\nMemFree:         1017116 kB\n"
                                          "MemAvailable:    9862428 kB\nBuffers:          345104 kB\n")
                            << true << quint64(16318568) * 1024 << quint64(9862428) * 1024;
    QTest::newRow("before 3.14: free only") << QByteArray("MemTotal: 2000 kB\nMemFree: 500 kB\n") << true
                                            << quint64(2000) * 1024 << quint64(500) * 1024;
    QTest::newRow("no total") << QByteArray("MemFree: 500 kB\n") << false << quint64(0) << quint64(0);
}

void TestResourceMonitor::meminfo()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const auto memory = parseMeminfo(view(text));
    QCOMPARE(memory.has_value(), valid);
    if (!valid)
        return;
    QFETCH(quint64, total);
    QFETCH(quint64, available);
    QCOMPARE(quint64(memory->totalBytes), total);
    QCOMPARE(quint64(memory->availableBytes), available);
}

void TestResourceMonitor::cpuPercentOfNoTimeIsUnknown()
{
    QVERIFY(!cpuPercent(0, 0));
    QCOMPARE(*cpuPercent(25, 100), 25.0);
    QCOMPARE(*cpuPercent(150, 100), 100.0); // counters read a tick apart
}

void TestResourceMonitor::probeMeasuresCpuAgainstThePreviousSample()
{
    QTemporaryDir proc;
    writeProc(proc.path(), 1000, 9000, 50);
    ResourceProbe probe(proc.path(), QStringLiteral("/nonexistent/libnvidia-ml.so.1"));

    const ResourceSample first = probe.sample();
    QCOMPARE(first.machineCpuPercent, -1.0); // a rate needs two readings
    QCOMPARE(first.processCpuPercent, -1.0);
    QCOMPARE(quint64(first.processResidentBytes), quint64(1000) * quint64(sysconf(_SC_PAGESIZE)));
    QCOMPARE(quint64(first.machineMemoryTotalBytes), quint64(16000000) * 1024);
    QCOMPARE(quint64(first.machineMemoryAvailableBytes), quint64(6000000) * 1024);
    QVERIFY(first.gpus.isEmpty());

    // 400 ticks passed on the machine: 100 busy, of which this process used 20.
    writeProc(proc.path(), 1100, 9300, 70);
    const ResourceSample second = probe.sample();
    QCOMPARE(second.machineCpuPercent, 25.0);
    QCOMPARE(second.processCpuPercent, 5.0);
}

void TestResourceMonitor::gpuProbeReadsTheDriver()
{
    NvmlGpuProbe probe(QStringLiteral(LLMOS_FAKE_NVML));
    for (int round = 0; round < 2; ++round) { // loads once, then reuses the handles
        const QList<GpuUsage> gpus = probe.sample();
        QCOMPARE(gpus.size(), 2);
        QCOMPARE(gpus.at(0).name, QStringLiteral("Fake GPU A"));
        QCOMPARE(gpus.at(0).utilizationPercent, 37);
        QCOMPARE(quint64(gpus.at(0).memoryUsedBytes), quint64(5) << 30);
        QCOMPARE(quint64(gpus.at(0).memoryTotalBytes), quint64(80) << 30);
        QCOMPARE(gpus.at(1).name, QStringLiteral("Fake GPU B"));
        QCOMPARE(gpus.at(1).utilizationPercent, 91);
    }
}

void TestResourceMonitor::noDriverMeansNoGpu()
{
    NvmlGpuProbe probe(QStringLiteral("/nonexistent/libnvidia-ml.so.1"));
    QVERIFY(probe.sample().isEmpty());
    QVERIFY(probe.sample().isEmpty());
}

void TestResourceMonitor::indicatorShowsASample()
{
    ResourceUsageIndicator indicator;
    indicator.showSample(cannedSample());
    QCOMPARE(indicator.cpuText(), QStringLiteral("CPU 25% · llmos 5%"));
    QVERIFY2(indicator.memoryText().startsWith(QStringLiteral("Memory 10.0 GB / 16.0 GB")),
             qPrintable(indicator.memoryText()));
    QVERIFY(indicator.memoryText().endsWith(QStringLiteral("llmos 400.0 MB")));
    QVERIFY(indicator.gpuText().isEmpty());

    indicator.showSample(ResourceSample{}); // nothing could be read
    QCOMPARE(indicator.cpuText(), QStringLiteral("CPU – · llmos –"));
    QCOMPARE(indicator.memoryText(), QStringLiteral("Memory –"));
}

void TestResourceMonitor::indicatorShowsGpusOnlyWhenPresent()
{
    ResourceUsageIndicator indicator;
    ResourceSample sample = cannedSample();
    sample.gpus = NvmlGpuProbe(QStringLiteral(LLMOS_FAKE_NVML)).sample();
    indicator.showSample(sample);
    QVERIFY2(indicator.gpuText().startsWith(QStringLiteral("2 GPUs, busiest 91% · 70.0 GB / 80.0 GB")),
             qPrintable(indicator.gpuText()));
    sample.gpus.removeLast();
    indicator.showSample(sample);
    QCOMPARE(indicator.gpuText(), QStringLiteral("GPU 37% · 5.0 GB / 80.0 GB"));
}

void TestResourceMonitor::samplerDeliversRealSamplesOfThisMachine()
{
    ResourceSampler sampler;
    QList<ResourceSample> samples;
    connect(&sampler, &ResourceSampler::sampled, this, [&](const ResourceSample &s) { samples << s; });
    sampler.start();
    QTRY_VERIFY_WITH_TIMEOUT(samples.size() >= 2, 10000);
    const ResourceSample &latest = samples.last();
    QVERIFY(latest.machineCpuPercent >= 0 && latest.machineCpuPercent <= 100);
    QVERIFY(latest.processCpuPercent >= 0 && latest.processCpuPercent <= 100);
    QVERIFY(latest.processResidentBytes > (1u << 20)); // a Qt process holds more than 1 MiB
    QVERIFY(latest.machineMemoryTotalBytes > latest.processResidentBytes);
    sampler.stop();
}

QTEST_MAIN(TestResourceMonitor)
#include "test_resourcemonitor.moc"
