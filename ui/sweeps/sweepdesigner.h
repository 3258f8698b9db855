#pragma once

#include "sweep/sweepfile.h"
#include "sweeps/sweepestimate.h"

#include <nlohmann/json.hpp>

#include <QString>
#include <QWidget>

#include <string>

class QGroupBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QTableView;
class QToolButton;

namespace llmos {

class SweepParameterModel;
class SweepSettingsPanel;
struct TrainingRecipe;

// The hyperparameter-grid designer: which recipe fields to vary and how (a table, one
// row per field from the catalog), the search strategy, early stopping of weak trials,
// the goal and the budget, with a live estimate of trials and compute. After each change
// it writes the sweep document and runs the engine's own sweep parser on it, so it never
// accepts a sweep `llmos sweep` would refuse; the row or setting the error names is
// marked. The lead's page gives the base recipe and starts the sweep on launchRequested.
class SweepDesigner : public QWidget {
    Q_OBJECT
public:
    explicit SweepDesigner(QWidget *parent = nullptr);
    ~SweepDesigner() override;

    void setBaseRecipe(const TrainingRecipe &recipe);
    void setBaseRecipeJson(const nlohmann::json &recipe);
    // For a recipe that trains by epochs: the optimizer steps of one trial (epochs ×
    // batches per epoch / accumulation, counted from the dataset by the caller).
    void setStepsPerTrial(qint64 steps);
    // Measured speed, for the wall-time estimate; 0 hides it.
    void setSecondsPerStep(double seconds);
    qint64 stepsPerTrial() const { return m_stepsPerTrial; }
    double secondsPerStep() const { return m_secondsPerStep; }

    // Valid only when isValid().
    SweepSpec sweepSpec() const { return m_spec; }
    nlohmann::ordered_json sweepJson() const { return m_document; }
    bool isValid() const { return m_valid; }
    QString validationMessage() const { return m_message; }
    SweepEstimate estimate() const { return m_estimate; }

    bool saveTo(const QString &path, QString *error) const;
    bool loadFrom(const QString &path, QString *error);

Q_SIGNALS:
    void validityChanged(bool ok, const QString &message);
    void launchRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuildParameterMenu();
    void addParameter(const std::string &path);
    void removeSelectedParameters();
    void revalidate();
    nlohmann::ordered_json buildDocument(QString *problem);
    QString blame(const std::string &field, const std::string &detail);
    void showEstimate();
    void showStatus();
    void showBaseSummary();
    void applyDocument(const nlohmann::ordered_json &document);
    void chooseRecipeFile();
    void openWithDialog();
    void saveWithDialog();
    void showFileMessage(const QString &text, bool failed);
    int gridSize() const;
    qint64 baseTrialSteps() const;
    nlohmann::json currentRecipeValue(const std::string &path) const;

    SweepParameterModel *m_model = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameCaption = nullptr;
    QLabel *m_baseSummary = nullptr;
    QPushButton *m_chooseRecipe = nullptr;
    QGroupBox *m_parametersGroup = nullptr;
    QToolButton *m_addParameter = nullptr;
    QMenu *m_parameterMenu = nullptr;
    QPushButton *m_removeParameter = nullptr;
    QTableView *m_table = nullptr;
    SweepSettingsPanel *m_settings = nullptr;
    QLabel *m_estimateLabel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_fileMessage = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_launch = nullptr;

    nlohmann::json m_baseRecipe; // null until the page gives one
    nlohmann::ordered_json m_document;
    SweepSpec m_spec;
    SweepEstimate m_estimate;
    qint64 m_stepsPerTrial = 0;
    double m_secondsPerStep = 0;
    bool m_populating = false;
    bool m_valid = false;
    bool m_validityKnown = false;
    QString m_message;
};

} // namespace llmos
