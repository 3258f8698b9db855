#include "mainwindow.h"

#include "pages/homepage.h"
#include "pages/plannedpage.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>

namespace llmos {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("LLM OS Workbench"));
    resize(1200, 760);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFixedWidth(190);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setStyleSheet(QStringLiteral(
        "QListWidget#sidebar { background: palette(window); padding-top: 12px; font-size: 11pt; outline: 0; }"
        "QListWidget#sidebar::item { padding: 9px 16px; border-radius: 6px; margin: 1px 8px; }"
        "QListWidget#sidebar::item:selected { background: palette(highlight); color: palette(highlighted-text); }"));
    m_pages = new QStackedWidget(central);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    addPage(QStringLiteral("home"), tr("Home"), new HomePage(this));
    addPage(QStringLiteral("models"), tr("Models"),
            new PlannedPage(tr("Models"),
                            tr("Your model registry: every imported model, fine-tune, adapter and quantized "
                               "variant, with its files, model card and lineage."),
                            tr("Until this page arrives, inspect a model from a terminal:\n"
                               "llmos inspect PATH   (a Hugging Face folder, .safetensors or .gguf file)"),
                            this));
    addPage(QStringLiteral("finetune"), tr("Fine-tune"),
            new PlannedPage(tr("Fine-tune"),
                            tr("Design a fine-tuning run: pick a model and a dataset, choose full fine-tuning "
                               "or LoRA, adapters, prefix or prompt tuning, and start it."),
                            QString(), this));
    addPage(QStringLiteral("experiments"), tr("Experiments"),
            new PlannedPage(tr("Experiments"),
                            tr("Hyperparameter searches with live loss curves: grid, random, TPE and "
                               "ASHA/Hyperband, compared side by side."),
                            QString(), this));
    addPage(QStringLiteral("jobs"), tr("Jobs"),
            new PlannedPage(tr("Jobs"), tr("Everything running or queued on this machine, with progress, "
                                           "pause and cancel."),
                            QString(), this));
    addPage(QStringLiteral("apps"), tr("Apps"),
            new PlannedPage(tr("Apps"), tr("Small applications on your models: chat playground and arena, "
                                           "classifier, semantic search, stream monitor."),
                            QString(), this));
    addPage(QStringLiteral("server"), tr("Server"),
            new PlannedPage(tr("Server"), tr("Serve your models on this machine through an OpenAI-compatible "
                                             "API."),
                            QString(), this));

    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_sidebar->setCurrentRow(0);
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::addPage(const QString &id, const QString &title, QWidget *page)
{
    m_sidebar->addItem(title);
    m_pages->addWidget(page);
    m_pageIds << id;
}

int MainWindow::pageCount() const
{
    return m_pages->count();
}

QString MainWindow::pageId(int index) const
{
    return m_pageIds.value(index);
}

void MainWindow::showPage(int index)
{
    m_sidebar->setCurrentRow(index);
}

QWidget *MainWindow::page(int index) const
{
    return m_pages->widget(index);
}

} // namespace llmos
