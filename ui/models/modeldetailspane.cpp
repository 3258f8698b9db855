#include "models/modeldetailspane.h"

#include "models/modelevaluations.h"

#include "models/lineageview.h"
#include "models/modelcardbrowser.h"
#include "models/modelfilelist.h"
#include "models/modeltensorlist.h"
#include "models/modeltext.h"
#include "models/tageditor.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace llmos {

namespace {

// Captions of the configuration tab, in the order of ModelDetailsPane's Fact enum.
constexpr const char *kFactCaptions[] = {
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Id"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Family"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Architecture"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Task"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Parameters"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Data type"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Context length"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Size"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "License"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Format"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Origin"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Status"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Files"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Imported from"),
    QT_TRANSLATE_NOOP("llmos::ModelDetailsPane", "Added"),
};

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

} // namespace

ModelDetailsPane::ModelDetailsPane(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("modelDetails"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    m_placeholder = new QLabel(m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setMargin(24);
    m_stack->addWidget(m_placeholder);

    auto *content = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 4, 4, 0);
    layout->setSpacing(8);
    m_name = valueLabel(content);
    m_name->setObjectName(QStringLiteral("detailsName"));
    m_name->setStyleSheet(QStringLiteral("font-size: 15pt; font-weight: 600;"));
    layout->addWidget(m_name);
    m_summary = valueLabel(content);
    m_summary->setObjectName(QStringLiteral("detailsSummary"));
    layout->addWidget(m_summary);
    m_warning = valueLabel(content);
    m_warning->setStyleSheet(QStringLiteral("color: #e5534b;"));
    m_warning->hide();
    layout->addWidget(m_warning);
    m_tags = new TagEditor(content);
    layout->addWidget(m_tags);

    m_tabs = new QTabWidget(content);
    m_tabs->setDocumentMode(true);
    m_card = new ModelCardBrowser(m_tabs);
    m_tabs->addTab(m_card, QString());
    m_tabs->addTab(buildConfiguration(), QString());
    m_tensors = new ModelTensorList(m_tabs);
    m_tabs->addTab(m_tensors, QString());
    m_tabs->addTab(buildFiles(), QString());
    m_tabs->addTab(buildLineage(), QString());
    m_evaluations = new ModelEvaluations(m_tabs);
    m_tabs->addTab(m_evaluations, QString());
    layout->addWidget(m_tabs, 1);
    m_stack->addWidget(content);

    connect(m_tags, &TagEditor::addRequested, this, [this](const QString &tag) { Q_EMIT addTagRequested(m_id, tag); });
    connect(m_tags, &TagEditor::removeRequested, this,
            [this](const QString &tag) { Q_EMIT removeTagRequested(m_id, tag); });
    connect(m_lineage, &LineageView::modelClicked, this, &ModelDetailsPane::modelActivated);
    retranslate();
}

QWidget *ModelDetailsPane::buildConfiguration()
{
    auto *scroll = new QScrollArea(m_tabs);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *form = new QWidget(scroll);
    auto *layout = new QFormLayout(form);
    layout->setContentsMargins(8, 12, 8, 8);
    layout->setRowWrapPolicy(QFormLayout::WrapLongRows);
    for (int i = 0; i < FactCount; ++i) {
        m_captions[static_cast<std::size_t>(i)] = new QLabel(form);
        m_facts[static_cast<std::size_t>(i)] = valueLabel(form);
        layout->addRow(m_captions[static_cast<std::size_t>(i)], m_facts[static_cast<std::size_t>(i)]);
    }
    m_facts[Id]->setObjectName(QStringLiteral("detailsId"));
    scroll->setWidget(form);
    return scroll;
}

QWidget *ModelDetailsPane::buildFiles()
{
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(8, 0, 8, 0);
    buttons->addStretch(1);
    m_checkFiles = new QToolButton(page);
    m_checkFiles->setObjectName(QStringLiteral("checkFilesButton"));
    m_checkFiles->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_checkFiles->hide(); // until the page gives it its action
    buttons->addWidget(m_checkFiles);
    layout->addLayout(buttons);
    m_files = new ModelFileList(page);
    layout->addWidget(m_files, 1);
    return page;
}

void ModelDetailsPane::setCheckFilesAction(QAction *action)
{
    m_checkFiles->setDefaultAction(action);
    m_checkFiles->show();
}

void ModelDetailsPane::showFileCheck(const QString &id, const FileCheck &check)
{
    m_checkedId = id;
    m_check = check;
    if (id == m_id && !m_loading)
        m_files->showCheck(check);
}

QWidget *ModelDetailsPane::buildLineage()
{
    auto *page = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(8, 8, 8, 8);
    m_noLineage = new QLabel(page);
    m_noLineage->setWordWrap(true);
    m_noLineage->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_noLineage);
    m_lineage = new LineageView(page);
    layout->addWidget(m_lineage, 1);
    return page;
}

void ModelDetailsPane::showLoading(const QString &id)
{
    m_id = id;
    m_loading = true;
    // The previous model's details stay until the new ones arrive (tens of
    // milliseconds): blanking the pane in between would only flicker.
    if (m_details.model.id.empty())
        m_stack->setCurrentIndex(0);
}

void ModelDetailsPane::showDetails(const ModelDetails &details)
{
    m_details = details;
    m_id = QString::fromStdString(details.model.id);
    m_loading = false;
    fill();
    m_stack->setCurrentIndex(1);
}

void ModelDetailsPane::showFailure(const QString &reason)
{
    m_loading = false;
    m_details = {};
    m_placeholder->setText(tr("The details could not be read: %1").arg(reason));
    m_stack->setCurrentIndex(0);
}

void ModelDetailsPane::clear()
{
    m_id.clear();
    m_details = {};
    m_loading = false;
    retranslate();
    m_stack->setCurrentIndex(0);
}

void ModelDetailsPane::fill()
{
    const ModelRecord &m = m_details.model;
    if (m.id.empty())
        return;
    m_name->setText(QString::fromStdString(m.name));
    QStringList summary;
    for (const std::string *part : {&m.family, &m.architecture})
        if (!part->empty())
            summary << QString::fromStdString(*part);
    if (m.parameterCount > 0)
        summary << tr("%1 parameters").arg(ModelText::parameters(m.parameterCount));
    summary << ModelText::size(m.sizeBytes);
    m_summary->setText(summary.join(QStringLiteral("  ·  ")));
    m_warning->setVisible(m.status != ModelStatus::Ready);
    m_warning->setText(tr("Its files are not as they were imported: %1").arg(ModelText::status(m.status)));
    m_tags->setTags(ModelText::tags(m.tags));

    m_card->showCard(m_details.card, tr("This model has no model card (README.md)."));

    m_facts[Id]->setText(QString::fromStdString(m.id));
    m_facts[Family]->setText(ModelText::orUnknown(m.family));
    m_facts[Architecture]->setText(ModelText::orUnknown(m.architecture));
    m_facts[Task]->setText(ModelText::task(taskOfModel(m)));
    m_facts[Parameters]->setText(m.parameterCount > 0 ? QLocale().toString(static_cast<qulonglong>(m.parameterCount))
                                                      : QStringLiteral("—"));
    m_facts[DType]->setText(ModelText::orUnknown(m.dtype));
    m_facts[Context]->setText(m.contextLength > 0 ? tr("%1 tokens").arg(m.contextLength) : QStringLiteral("—"));
    m_facts[Size]->setText(ModelText::size(m.sizeBytes));
    m_facts[License]->setText(ModelText::orUnknown(m.license));
    m_facts[Format]->setText(ModelText::format(m.format));
    m_facts[Origin]->setText(ModelText::origin(m.origin));
    m_facts[Status]->setText(ModelText::status(m.status));
    m_facts[Storage]->setText(m.inPlace ? tr("used in place, where they were imported from")
                                        : tr("%n file(s) stored in the registry", "", int(m.files.size())));
    m_facts[Source]->setText(ModelText::orUnknown(m.sourcePath));
    m_facts[Added]->setText(ModelText::date(m.createdAt));

    m_tensors->showTensors(m_details.inspection.get(), m_details.inspectionError);
    m_files->showFiles(m.files);
    if (m_checkedId == m_id)
        m_files->showCheck(m_check);
    m_lineage->showLineage(m, m_details.lineage);
    m_noLineage->setVisible(!m_lineage->hasEdges());
    m_lineage->setVisible(m_lineage->hasEdges());
    m_evaluations->showReports(m_details.evaluations, QString::fromStdString(m.name));
}

void ModelDetailsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModelDetailsPane::retranslate()
{
    m_placeholder->setText(tr("Select a model to see its card, configuration, tensors, files and lineage."));
    m_tabs->setTabText(CardTab, tr("Card"));
    m_tabs->setTabText(ConfigurationTab, tr("Configuration"));
    m_tabs->setTabText(TensorsTab, tr("Tensors"));
    m_tabs->setTabText(FilesTab, tr("Files"));
    m_tabs->setTabText(LineageTab, tr("Lineage"));
    m_tabs->setTabText(EvaluationsTab, tr("Evaluations"));
    for (int i = 0; i < FactCount; ++i)
        m_captions[static_cast<std::size_t>(i)]->setText(tr(kFactCaptions[i]));
    m_noLineage->setText(tr("No lineage recorded: this model was not made from another registered model, "
                            "and no registered model was made from it."));
    fill();
}

} // namespace llmos
