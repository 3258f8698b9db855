#include "models/modelemptystate.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace llmos {

namespace {
constexpr int kColumnWidth = 720; // wider lines would only be harder to read
} // namespace

ModelEmptyState::ModelEmptyState(QMenu *importMenu, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("modelsEmpty"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 16, 0, 0);

    // One centred column: the drop zone, then what works from a terminal.
    auto *column = new QWidget(this);
    column->setMaximumWidth(kColumnWidth);
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(18);
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(column, 4);
    centred->addStretch(1);
    layout->addLayout(centred);
    layout->addStretch(1);

    auto *zone = new QFrame(column);
    zone->setObjectName(QStringLiteral("modelsEmptyState"));
    zone->setStyleSheet(QStringLiteral("QFrame#modelsEmptyState { border: 2px dashed palette(mid); "
                                       "border-radius: 12px; }"));
    auto *zoneLayout = new QVBoxLayout(zone);
    zoneLayout->setContentsMargins(32, 28, 32, 28);
    zoneLayout->setSpacing(12);
    m_title = new QLabel(zone);
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600;"));
    zoneLayout->addWidget(m_title);
    m_text = new QLabel(zone);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setStyleSheet(QStringLiteral("font-size: 11pt;"));
    zoneLayout->addWidget(m_text);
    m_import = new QPushButton(zone);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setStyleSheet(QStringLiteral("padding: 6px 18px;"));
    m_import->setMenu(importMenu);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_import);
    buttonRow->addStretch(1);
    zoneLayout->addLayout(buttonRow);
    columnLayout->addWidget(zone);
    columnLayout->addWidget(buildDemoOffer(column));

    m_terminal = new QLabel(column);
    m_terminal->setTextFormat(Qt::RichText);
    m_terminal->setWordWrap(true);
    columnLayout->addWidget(m_terminal);
    retranslate();
}

QWidget *ModelEmptyState::buildDemoOffer(QWidget *parent)
{
    auto *offer = new QFrame(parent);
    offer->setObjectName(QStringLiteral("modelsDemoOffer"));
    offer->setStyleSheet(QStringLiteral("QFrame#modelsDemoOffer { border: 1px solid palette(mid); border-radius: 12px; }"));
    auto *layout = new QVBoxLayout(offer);
    layout->setContentsMargins(24, 18, 24, 18);
    layout->setSpacing(8);
    m_demoTitle = new QLabel(offer);
    m_demoTitle->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600;"));
    layout->addWidget(m_demoTitle);
    m_demoText = new QLabel(offer);
    m_demoText->setWordWrap(true);
    layout->addWidget(m_demoText);

    m_demoStatus = new QLabel(offer);
    m_demoStatus->setObjectName(QStringLiteral("demoStatus"));
    layout->addWidget(m_demoStatus);
    auto *row = new QHBoxLayout;
    row->setSpacing(12);
    m_demoBuild = new QPushButton(offer);
    m_demoBuild->setObjectName(QStringLiteral("buildDemoButton"));
    m_demoBuild->setStyleSheet(QStringLiteral("padding: 6px 18px;"));
    connect(m_demoBuild, &QPushButton::clicked, this, &ModelEmptyState::demoRequested);
    row->addWidget(m_demoBuild, 0, Qt::AlignLeft);
    m_demoProgress = new QProgressBar(offer);
    m_demoProgress->setObjectName(QStringLiteral("demoProgress"));
    m_demoProgress->setRange(0, 1000);
    m_demoProgress->setTextVisible(false);
    row->addWidget(m_demoProgress, 1);
    m_demoCancel = new QPushButton(offer);
    m_demoCancel->setObjectName(QStringLiteral("cancelDemoButton"));
    connect(m_demoCancel, &QPushButton::clicked, this, &ModelEmptyState::demoCancelRequested);
    row->addWidget(m_demoCancel);
    layout->addLayout(row);
    setDemoRunning(false);
    return offer;
}

void ModelEmptyState::setDemoRunning(bool running)
{
    m_demoBuild->setVisible(!running);
    m_demoProgress->setVisible(running);
    m_demoStatus->setVisible(running);
    m_demoCancel->setVisible(running);
    m_demoCancel->setEnabled(running);
    if (running)
        setDemoProgress(0, QString());
}

void ModelEmptyState::setDemoProgress(double fraction, const QString &status)
{
    m_demoProgress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
    if (!status.isEmpty())
        m_demoStatus->setText(tr("%1 — %2%").arg(status).arg(static_cast<int>(fraction * 100)));
}

void ModelEmptyState::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModelEmptyState::retranslate()
{
    m_title->setText(tr("No models yet"));
    m_text->setText(tr("Drag a Hugging Face model folder or a .gguf file onto this window, or use Import…"));
    m_import->setText(tr("Import…"));
    m_terminal->setText(tr("<b>From a terminal</b>, the same registry:<ul>"
                           "<li><code>llmos models import PATH</code> — register a Hugging Face folder, a "
                           ".safetensors file with its config, a .gguf file or a PEFT adapter;</li>"
                           "<li><code>llmos models list</code> — what is registered;</li>"
                           "<li><code>llmos chat --model NAME</code> — chat with a registered model in the "
                           "terminal.</li></ul>"));
    m_demoTitle->setText(tr("Or build the demo models"));
    m_demoText->setText(tr("Trains two small models on the sayings of Debian's fortune packages: a language model "
                           "that writes like them, and a classifier that tells their topics apart. Offline, in about "
                           "five minutes on a laptop; the window stays usable meanwhile."));
    m_demoBuild->setText(tr("Build the demo models"));
    m_demoCancel->setText(tr("Cancel"));
}

} // namespace llmos
