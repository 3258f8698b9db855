#include "tasks/progressdialog.h"

#include "tasks/taskrunner.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace llmos {

namespace {
constexpr int kBarSteps = 1000; // per-mille: smooth enough, and fits an int
} // namespace

ProgressDialog::ProgressDialog(TaskRunner &task, QWidget *parent)
    : QDialog(parent)
    , m_task(task)
{
    setWindowTitle(task.title());
    setMinimumWidth(460);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    m_heading = new QLabel(task.title(), this);
    m_heading->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600;"));
    m_heading->setWordWrap(true);
    layout->addWidget(m_heading);

    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("taskProgress"));
    m_bar->setTextVisible(true);
    layout->addWidget(m_bar);

    m_status = new QLabel(task.status(), this);
    m_status->setObjectName(QStringLiteral("taskStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("taskError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(this);
    m_cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(m_buttons);
    connect(m_cancel, &QPushButton::clicked, this, &ProgressDialog::reject);

    connect(&task, &TaskRunner::progressChanged, this, &ProgressDialog::showProgress);
    connect(&task, &TaskRunner::statusChanged, m_status, &QLabel::setText);
    connect(&task, &TaskRunner::succeeded, this, &ProgressDialog::accept);
    connect(&task, &TaskRunner::cancelled, this, [this] { QDialog::reject(); });
    connect(&task, &TaskRunner::failed, this, &ProgressDialog::showFailure);

    showProgress(task.progress());
    retranslate();
}

void ProgressDialog::reject()
{
    // Escape, the window's close button and Cancel all come here. While the task runs
    // they ask it to stop; the dialog closes once it has (the cancelled signal).
    if (m_task.isRunning()) {
        m_task.cancel();
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

void ProgressDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ProgressDialog::retranslate()
{
    const bool over = isFinal(m_task.state());
    m_cancel->setText(over ? tr("Close") : tr("Cancel"));
}

void ProgressDialog::showProgress(double fraction)
{
    if (fraction < 0) {
        m_bar->setRange(0, 0); // busy indicator: the work cannot say how far it is
        return;
    }
    m_bar->setRange(0, kBarSteps);
    m_bar->setValue(static_cast<int>(fraction * kBarSteps + 0.5));
}

void ProgressDialog::showFailure(const QString &reason)
{
    m_bar->hide();
    // A red that stays readable on the dark theme's background as well as the light one.
    const bool darkBackground = palette().color(QPalette::Window).lightness() < 128;
    m_error->setStyleSheet(darkBackground ? QStringLiteral("color: #ff7b72;") : QStringLiteral("color: #d1242f;"));
    m_error->setText(tr("Failed: %1").arg(reason));
    m_error->show();
    m_cancel->setEnabled(true);
    retranslate();
}

} // namespace llmos
