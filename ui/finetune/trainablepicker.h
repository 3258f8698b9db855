#pragma once

#include "recipe/trainingrecipe.h"
#include "services/trainingplan.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QTimer;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace llmos {

class FlowLayout;

// The advanced view's picker of what trains: the model's kinds of module and its layers,
// each with its parameters and how many the method trains, and the totals with the memory
// a run needs, counted by the engine on a worker a moment after each edit (the GUI thread
// never builds a model). LoRA and AdaLoRA pick their target modules and layers here by
// ticking them; freeze picks the frozen modules and how many of the first layers are
// frozen. The picks become the method's options (methodOptionEdited), which the form
// validates and the next count shows.
class TrainablePicker : public QWidget {
    Q_OBJECT
    // True while a count is on its way (screenshots wait for it).
    Q_PROPERTY(bool loading READ isCounting)
public:
    explicit TrainablePicker(std::string registryHome, QWidget *parent = nullptr);

    // The recipe document as the form has it, perhaps incomplete: counted after a short
    // pause (typing a rank counts once) when its model and method are set; the data file
    // need not be chosen yet.
    void setRecipeDocument(const nlohmann::json &document);

    // The last count shown; null while none is.
    const TrainablePreview *preview() const { return m_preview ? &*m_preview : nullptr; }
    bool isCounting() const { return m_counting || m_pending; }
    QString totalsText() const;
    QTreeWidget *moduleList() const { return m_modules; }
    QList<QToolButton *> layerButtons() const { return m_layerButtons; }

Q_SIGNALS:
    // A pick changed one of the method's options ("target_modules", "layers_to_transform",
    // "modules", "layers"); a null value means the option's default.
    void methodOptionEdited(const std::string &key, const nlohmann::json &value);
    // A count (or the reason there is none) is on screen.
    void counted();

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Picking { Nothing, AdapterTargets, FrozenParts };

    void count();
    void clear(const QString &why);
    void show(const TrainablePreview &preview);
    void showProblem(const QString &text);
    void fillModules();
    void fillLayers();
    void retranslate();
    Picking picking() const;
    void onModuleToggled(QTreeWidgetItem *item);
    void onLayerClicked(int layer);

    std::string m_home;
    TrainingRecipe m_recipe;
    std::optional<TrainablePreview> m_preview;
    QTimer *m_debounce = nullptr;
    bool m_pending = false;  // an edit waits for the debounce
    bool m_counting = false; // a count runs on a worker
    quint64 m_generation = 0; // drops counts of recipes edited since

    QLabel *m_title = nullptr;
    QLabel *m_totals = nullptr;
    QLabel *m_memory = nullptr;
    QLabel *m_modulesHint = nullptr;
    QTreeWidget *m_modules = nullptr;
    QLabel *m_layersTitle = nullptr;
    QWidget *m_layersBox = nullptr;
    FlowLayout *m_layersFlow = nullptr;
    QList<QToolButton *> m_layerButtons;
};

} // namespace llmos
