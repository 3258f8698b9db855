#include "widgets/systemsummary.h"

#include "runtime/datadirectory.h"

#include <QFormLayout>
#include <QLabel>
#include <QtConcurrent/QtConcurrentRun>

namespace llmos {

SystemSummary::SystemSummary(QWidget *parent)
    : QGroupBox(tr("This machine"), parent)
{
    auto *form = new QFormLayout(this);
    form->setLabelAlignment(Qt::AlignRight);
    auto row = [&](const QString &label) {
        auto *value = new QLabel(tr("checking…"), this);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label, value);
        return value;
    };
    m_torch = row(tr("libtorch"));
    m_blas = row(tr("BLAS"));
    m_threads = row(tr("Threads"));
    m_cuda = row(tr("GPU"));
    m_speed = row(tr("Matrix speed"));
    m_data = row(tr("Data folder"));
    m_data->setText(QString::fromStdString(dataDirectory()));
    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #b35900;"));
    m_warning->hide();
    form->addRow(m_warning);

    connect(&m_watcher, &QFutureWatcher<RuntimeInfo>::finished, this, [this] { show(m_watcher.result()); });
    m_watcher.setFuture(QtConcurrent::run([] { return collectRuntimeInfo(true); }));
}

void SystemSummary::show(const RuntimeInfo &info)
{
    m_torch->setText(QString::fromStdString(info.torchVersion));
    m_blas->setText(info.blasLibrary.empty() ? tr("not found") : QString::fromStdString(info.blasLibrary));
    m_threads->setText(tr("%1 of %2").arg(info.threads).arg(info.hardwareThreads));
    m_cuda->setText(info.cudaDevices.empty() ? tr("none, running on the CPU")
                                             : tr("%n CUDA device(s)", "", int(info.cudaDevices.size())));
    m_speed->setText(tr("%1 GFLOP/s (fp32 matrix multiply)").arg(info.matmulGflops, 0, 'f', 1));
    if (info.referenceBlas) {
        m_warning->setText(tr("libtorch is using the slow reference BLAS. Install the package "
                              "libopenblas0-openmp to make models run about 30 times faster."));
        m_warning->show();
    }
    m_loading = false;
    Q_EMIT loaded();
}

} // namespace llmos
