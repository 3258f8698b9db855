#include "pages/modelspage.h"

#include "widgets/pageheading.h"

#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace llmos {

namespace {
constexpr int kNamesShown = 3; // more than this and the notice says "and N more"
constexpr int kColumnWidth = 720;
} // namespace

ModelsPage::ModelsPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 32, 40, 32);
    layout->setSpacing(18);

    m_heading = new PageHeading(this);
    layout->addWidget(m_heading);

    // One centred column: the empty state, then what works from a terminal. It grows up
    // to kColumnWidth; wider lines would only be harder to read.
    auto *column = new QWidget(this);
    column->setMaximumWidth(kColumnWidth);
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 8, 0, 0);
    columnLayout->setSpacing(18);
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(column, 4);
    centred->addStretch(1);
    layout->addLayout(centred);

    // The empty state looks like a drop zone: that is what it is (the whole window is).
    auto *empty = new QFrame(column);
    empty->setObjectName(QStringLiteral("modelsEmptyState"));
    empty->setStyleSheet(QStringLiteral("QFrame#modelsEmptyState { border: 2px dashed palette(mid); "
                                        "border-radius: 12px; }"));
    auto *emptyLayout = new QVBoxLayout(empty);
    emptyLayout->setContentsMargins(32, 28, 32, 28);
    emptyLayout->setSpacing(12);
    m_emptyTitle = new QLabel(empty);
    m_emptyTitle->setObjectName(QStringLiteral("emptyTitle"));
    m_emptyTitle->setAlignment(Qt::AlignCenter);
    m_emptyTitle->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600;"));
    emptyLayout->addWidget(m_emptyTitle);
    m_emptyText = new QLabel(empty);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setStyleSheet(QStringLiteral("font-size: 11pt;"));
    emptyLayout->addWidget(m_emptyText);

    m_import = new QPushButton(empty);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setStyleSheet(QStringLiteral("padding: 6px 18px;"));
    m_importMenu = new QMenu(m_import);
    m_importFolder = m_importMenu->addAction(QString(), this, &ModelsPage::chooseFolder);
    m_importFile = m_importMenu->addAction(QString(), this, &ModelsPage::chooseFile);
    m_import->setMenu(m_importMenu);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_import);
    buttonRow->addStretch(1);
    emptyLayout->addLayout(buttonRow);

    m_notice = new QLabel(empty);
    m_notice->setObjectName(QStringLiteral("importNotice"));
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setStyleSheet(QStringLiteral("padding: 10px; border-radius: 6px; background: palette(alternate-base);"));
    m_notice->hide();
    emptyLayout->addWidget(m_notice);
    columnLayout->addWidget(empty);

    m_terminal = new QLabel(column);
    m_terminal->setTextFormat(Qt::RichText);
    m_terminal->setWordWrap(true);
    columnLayout->addWidget(m_terminal);
    layout->addStretch(1);

    retranslate();
}

void ModelsPage::showPendingImport(const QStringList &paths)
{
    m_pendingPaths = paths;
    retranslate();
    m_notice->show();
}

QString ModelsPage::noticeText() const
{
    return m_notice->isVisible() || !m_pendingPaths.isEmpty() ? m_notice->text() : QString();
}

void ModelsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModelsPage::retranslate()
{
    m_heading->setText(tr("Models"));
    m_emptyTitle->setText(tr("No models yet"));
    m_emptyText->setText(tr("Drag a Hugging Face model folder or a .gguf file onto this window, or use Import…"));
    m_import->setText(tr("Import…"));
    m_importFolder->setText(tr("Model folder…"));
    m_importFile->setText(tr("Model file (.gguf, .safetensors)…"));
    m_terminal->setText(tr("<b>What works today</b>, from a terminal:<ul>"
                           "<li><code>llmos inspect PATH</code> — read a Hugging Face model folder, a .safetensors or "
                           "a .gguf file: architecture, parameters, tensors;</li>"
                           "<li><code>llmos chat --model PATH</code> — chat with a model in the terminal;</li>"
                           "<li><code>llmos doctor</code> — check the compute setup.</li></ul>"));
    if (m_pendingPaths.isEmpty())
        return;
    QStringList names;
    for (const QString &path : m_pendingPaths.mid(0, kNamesShown))
        names << QFileInfo(path).fileName();
    QString list = names.join(QStringLiteral(", "));
    if (m_pendingPaths.size() > kNamesShown)
        list = tr("%1 and %n more", "", int(m_pendingPaths.size() - kNamesShown)).arg(list);
    m_notice->setText(tr("Not imported: %1.\nImporting into the registry arrives with the model browser. "
                         "Meanwhile, llmos inspect PATH reads these from a terminal.")
                          .arg(list));
}

void ModelsPage::chooseFolder()
{
    // open(), not exec(): a nested event loop in a slot is how windows freeze.
    auto *dialog = new QFileDialog(this, tr("Import a model folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::filesSelected, this, &ModelsPage::importRequested);
    dialog->open();
}

void ModelsPage::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Import a model file"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters({tr("Model files (*.gguf *.safetensors)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::filesSelected, this, &ModelsPage::importRequested);
    dialog->open();
}

} // namespace llmos
