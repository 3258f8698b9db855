#include "widgets/systemsummary.h"

#include "runtime/datadirectory.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QtConcurrent/QtConcurrentRun>

namespace llmos {

SystemSummary::SystemSummary(QWidget *parent)
    : QGroupBox(parent)
{
    auto *form = new QFormLayout(this);
    form->setLabelAlignment(Qt::AlignRight);
    int row = 0;
    auto addRow = [&] {
        m_captions[row] = new QLabel(this);
        auto *value = new QLabel(this);
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        form->addRow(m_captions[row++], value);
        return value;
    };
    m_torch = addRow();
    m_blas = addRow();
    m_threads = addRow();
    m_cuda = addRow();
    m_speed = addRow();
    m_data = addRow();
    m_warning = new QLabel(this);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #c05f00;"));
    m_warning->hide();
    form->addRow(m_warning);
    retranslate();

    connect(&m_watcher, &QFutureWatcher<RuntimeInfo>::finished, this, [this] {
        m_info = m_watcher.result();
        m_loading = false;
        retranslate();
        Q_EMIT loaded();
    });
    m_watcher.setFuture(QtConcurrent::run([] { return collectRuntimeInfo(true); }));
}

void SystemSummary::setThreads(int threads)
{
    m_info.threads = threads;
    retranslate();
}

void SystemSummary::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void SystemSummary::retranslate()
{
    setTitle(tr("This machine"));
    m_captions[0]->setText(tr("libtorch"));
    m_captions[1]->setText(tr("BLAS"));
    m_captions[2]->setText(tr("Threads"));
    m_captions[3]->setText(tr("GPU"));
    m_captions[4]->setText(tr("Matrix speed"));
    m_captions[5]->setText(tr("Data folder"));
    m_data->setText(QString::fromStdString(dataDirectory()));
    if (m_loading) {
        for (QLabel *value : {m_torch, m_blas, m_threads, m_cuda, m_speed})
            value->setText(tr("checking…"));
        return;
    }
    const RuntimeInfo &info = m_info;
    m_torch->setText(QString::fromStdString(info.torchVersion));
    m_blas->setText(info.blasLibrary.empty() ? tr("not found") : QString::fromStdString(info.blasLibrary));
    m_threads->setText(tr("%1 of %2").arg(info.threads).arg(info.hardwareThreads));
    m_cuda->setText(info.cudaDevices.empty() ? tr("none, running on the CPU")
                                             : tr("%n CUDA device(s)", "", int(info.cudaDevices.size())));
    m_speed->setText(tr("%1 GFLOP/s (fp32 matrix multiply)").arg(info.matmulGflops, 0, 'f', 1));
    m_warning->setText(tr("libtorch is using the slow reference BLAS. Install the package "
                          "libopenblas0-openmp to make models run about 30 times faster."));
    m_warning->setVisible(info.referenceBlas);
}

} // namespace llmos
