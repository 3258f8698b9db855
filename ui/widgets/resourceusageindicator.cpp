#include "widgets/resourceusageindicator.h"

#include "monitor/resourcesampler.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace llmos {

namespace {

QString percent(double value)
{
    return value < 0 ? QStringLiteral("–") : QStringLiteral("%1%").arg(qRound(value));
}

QString bytes(std::uint64_t value)
{
    return QLocale().formattedDataSize(static_cast<qint64>(value), 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

ResourceUsageIndicator::ResourceUsageIndicator(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->setSpacing(18);
    auto gauge = [&](const char *name) {
        auto *label = new QLabel(this);
        label->setObjectName(QString::fromLatin1(name));
        label->setTextFormat(Qt::PlainText);
        layout->addWidget(label);
        return label;
    };
    m_cpu = gauge("cpuUsage");
    m_memory = gauge("memoryUsage");
    m_gpu = gauge("gpuUsage");
    m_gpu->hide();

    m_sampler = new ResourceSampler(this);
    connect(m_sampler, &ResourceSampler::sampled, this, &ResourceUsageIndicator::showSample);
    retranslate();
    m_sampler->start();
}

void ResourceUsageIndicator::showSample(const ResourceSample &sample)
{
    m_last = sample;
    ++m_samples;
    retranslate();
}

QString ResourceUsageIndicator::cpuText() const
{
    return m_cpu->text();
}

QString ResourceUsageIndicator::memoryText() const
{
    return m_memory->text();
}

QString ResourceUsageIndicator::gpuText() const
{
    return m_gpu->isHidden() ? QString() : m_gpu->text();
}

void ResourceUsageIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ResourceUsageIndicator::retranslate()
{
    const ResourceSample &s = m_last;
    m_cpu->setText(tr("CPU %1 · llmos %2").arg(percent(s.machineCpuPercent), percent(s.processCpuPercent)));
    m_cpu->setToolTip(tr("CPU use: the whole machine, and this program's share of it"));

    if (s.machineMemoryTotalBytes == 0) {
        m_memory->setText(tr("Memory –"));
    } else {
        const std::uint64_t used = s.machineMemoryTotalBytes - std::min(s.machineMemoryAvailableBytes,
                                                                        s.machineMemoryTotalBytes);
        m_memory->setText(tr("Memory %1 / %2 · llmos %3")
                              .arg(bytes(used), bytes(s.machineMemoryTotalBytes), bytes(s.processResidentBytes)));
    }
    m_memory->setToolTip(tr("Memory: in use on the machine, its total, and what this program holds"));

    m_gpu->setVisible(!s.gpus.isEmpty());
    if (s.gpus.isEmpty())
        return;
    // Several GPUs: the busiest one speaks for all in the bar, each in the tooltip.
    QStringList details;
    const GpuUsage *busiest = &s.gpus.first();
    for (const GpuUsage &gpu : s.gpus) {
        details << tr("%1: %2 busy, %3 of %4 memory")
                       .arg(gpu.name, percent(gpu.utilizationPercent), bytes(gpu.memoryUsedBytes),
                            bytes(gpu.memoryTotalBytes));
        if (gpu.utilizationPercent > busiest->utilizationPercent)
            busiest = &gpu;
    }
    const QString load = percent(busiest->utilizationPercent);
    const QString memory = tr("%1 / %2").arg(bytes(busiest->memoryUsedBytes), bytes(busiest->memoryTotalBytes));
    m_gpu->setText(s.gpus.size() == 1 ? tr("GPU %1 · %2").arg(load, memory)
                                      : tr("%n GPUs, busiest %1 · %2", "", int(s.gpus.size())).arg(load, memory));
    m_gpu->setToolTip(details.join(QLatin1Char('\n')));
}

} // namespace llmos
