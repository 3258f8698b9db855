#include "models/modelactions.h"

#include "apps/appmodels.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QToolBar>
#include <QToolButton>

namespace llmos {

ModelActions::ModelActions(QWidget *parent)
    : QObject(parent)
{
    m_importMenu = new QMenu(parent);
    m_importFolder = m_importMenu->addAction(QString());
    m_importFolder->setObjectName(QStringLiteral("importFolder"));
    m_importFile = m_importMenu->addAction(QString());
    m_importFile->setObjectName(QStringLiteral("importFile"));
    m_import = new QAction(this);
    m_import->setMenu(m_importMenu);

    m_viewGroup = new QActionGroup(this);
    m_showTable = new QAction(m_viewGroup);
    m_showTable->setObjectName(QStringLiteral("showTable"));
    m_showTable->setCheckable(true);
    m_showTable->setChecked(true);
    m_showCards = new QAction(m_viewGroup);
    m_showCards->setObjectName(QStringLiteral("showCards"));
    m_showCards->setCheckable(true);

    // Not there yet, and saying so: a button that does nothing would be worse than none,
    // and one that is missing would hide where the feature will be.
    m_playground = new QAction(this);
    m_playground->setObjectName(QStringLiteral("openInPlayground"));
    m_fineTune = new QAction(this);
    m_fineTune->setObjectName(QStringLiteral("fineTune"));
    m_fineTune->setEnabled(false);

    m_export = new QAction(this);
    m_export->setObjectName(QStringLiteral("exportModel"));
    m_delete = new QAction(this);
    m_delete->setObjectName(QStringLiteral("deleteModel"));
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    parent->addAction(m_delete);
    m_evaluate = new QAction(this);
    m_evaluate->setObjectName(QStringLiteral("evaluateModel"));
    m_quantize = new QAction(this);
    m_quantize->setObjectName(QStringLiteral("quantizeModel"));
    m_checkFiles = new QAction(this);
    m_checkFiles->setObjectName(QStringLiteral("checkFiles"));
    m_rebuild = new QAction(this);
    m_rebuild->setObjectName(QStringLiteral("rebuildRegistry"));
    setCurrentModel(nullptr, false);
    retranslate();
}

void ModelActions::setCurrentModel(const ModelRecord *model, bool lineageKnown)
{
    m_export->setEnabled(model != nullptr);
    m_delete->setEnabled(model && lineageKnown);
    m_checkFiles->setEnabled(model != nullptr);
    m_playground->setEnabled(model && appModelKind(*model) == AppModelKind::Generative);
    // The scorers read Hugging Face folders; an adapter is evaluated merged into its base.
    m_evaluate->setEnabled(model && model->format == ModelFormat::HuggingFace && appModelKind(*model).has_value());
    // The Llama family's weights quantize (GPT-2's do not yet); a quantized model is not
    // quantized again.
    m_quantize->setEnabled(model && model->family == "llama" && appModelKind(*model) == AppModelKind::Generative
                           && model->origin != ModelOrigin::Quantized);
    // Hugging Face folders train; GGUF files and adapters do not.
    m_fineTune->setEnabled(model && model->format == ModelFormat::HuggingFace && model->origin != ModelOrigin::Adapter);
}

QToolBar *ModelActions::makeToolBar(QWidget *parent)
{
    auto *bar = new QToolBar(parent);
    bar->setObjectName(QStringLiteral("modelsToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->addAction(m_import);
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(m_import))) {
        button->setPopupMode(QToolButton::InstantPopup);
        // "Import…" already says a choice follows; the arrow only crowded the text.
        button->setStyleSheet(QStringLiteral("QToolButton::menu-indicator { image: none; width: 0; }"));
    }
    bar->addSeparator();
    bar->addAction(m_playground);
    bar->addAction(m_fineTune);
    bar->addAction(m_evaluate);
    bar->addAction(m_quantize);
    bar->addAction(m_export);
    bar->addAction(m_delete);
    bar->addSeparator();
    bar->addAction(m_showTable);
    bar->addAction(m_showCards);
    return bar;
}

QMenu *ModelActions::makeContextMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setToolTipsVisible(true); // the disabled actions say why
    menu->addAction(m_playground);
    menu->addAction(m_fineTune);
    menu->addAction(m_evaluate);
    menu->addAction(m_quantize);
    menu->addSeparator();
    menu->addAction(m_export);
    menu->addAction(m_delete);
    menu->addSeparator();
    menu->addAction(m_checkFiles);
    return menu;
}

void ModelActions::retranslate()
{
    m_import->setText(tr("Import…"));
    m_import->setToolTip(tr("Import a model folder or file (or drop it on the window)"));
    m_importFolder->setText(tr("Model folder…"));
    m_importFile->setText(tr("Model file (.gguf, .safetensors)…"));
    m_showTable->setText(tr("Table"));
    m_showTable->setToolTip(tr("Show the models as a table"));
    m_showCards->setText(tr("Cards"));
    m_showCards->setToolTip(tr("Show the models as cards"));
    m_playground->setText(tr("Open in playground"));
    m_playground->setToolTip(tr("Chat with this model in the chat playground (Apps page)"));
    m_fineTune->setText(tr("Fine-tune"));
    m_fineTune->setToolTip(tr("Teach this model from your own examples on the Fine-tune page"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Write the model as a Hugging Face folder or a GGUF file"));
    m_delete->setText(tr("Delete…"));
    m_delete->setToolTip(tr("Delete the model from the registry"));
    m_evaluate->setText(tr("Evaluate…"));
    m_evaluate->setToolTip(tr("Measure the model on a dataset: perplexity, accuracy and F1, or BLEU and ROUGE-L"));
    m_quantize->setText(tr("Quantize…"));
    m_quantize->setToolTip(tr("Make a smaller, faster copy of the model with 8-bit or 4-bit weights"));
    m_checkFiles->setText(tr("Check files"));
    m_checkFiles->setToolTip(tr("Compare the model's files with what was registered, to find files that "
                                "changed or are gone"));
    m_rebuild->setText(tr("Rebuild the registry…"));
    m_rebuild->setToolTip(tr("Create a new registry database from the manifests stored with the models"));
}

} // namespace llmos
