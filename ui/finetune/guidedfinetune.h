#pragma once

#include "recipe/recipepresets.h"
#include "registry/modelrecord.h"
#include "services/trainingplan.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace llmos {

class DatasetStep;
class ModelPicker;

// The fine-tune designer's guided path for people who have not trained a model before:
// 1 pick a registered model, 2 pick a data file (previewed and checked), 3 say what the
// model should learn (the goal), 4 review the recommended recipe with an estimate of time
// and memory on this machine, name the result, and start. Nothing runs before Start; the
// checks and the estimate run on workers.
class GuidedFineTune : public QWidget {
    Q_OBJECT
    // True while the data is checked or the plan worked out (screenshots wait for it).
    Q_PROPERTY(bool loading READ isLoading)
public:
    enum Step { ModelStep, DataStep, GoalStep, ReviewStep };

    GuidedFineTune(std::string registryHome, QWidget *parent = nullptr);
    ~GuidedFineTune() override;

    Step step() const;
    ModelPicker *modelPicker() const { return m_models; }
    DatasetStep *datasetStep() const { return m_data; }
    void setGoal(TrainingGoal goal);
    TrainingGoal goal() const;
    // The recipe the review step would start: valid once planReady() was emitted.
    const std::optional<TrainingPlan> &plan() const { return m_plan; }
    void setOutputName(const QString &name);
    bool canGoNext() const;
    bool isLoading() const;
    QPushButton *nextButton() const { return m_next; }
    QPushButton *startButton() const { return m_start; }

public Q_SLOTS:
    void goNext();
    void goBack();
    void reset();
    // Starts the guided path over with this registered model chosen.
    void startWithModel(const QString &modelId);

Q_SIGNALS:
    void startRequested(const llmos::TrainingRecipe &recipe);
    void advancedRequested(const llmos::TrainingRecipe &recipe);
    void planReady();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showStep(int step);
    void updateButtons();
    TrainingRecipe draftRecipe() const;
    void planRun();
    void showPlan();
    void retranslate();
    QString defaultOutputName() const;

    std::string m_home;
    QLabel *m_steps = nullptr;
    QLabel *m_stepTitle = nullptr;
    QStackedWidget *m_pages = nullptr;
    ModelPicker *m_models = nullptr;
    DatasetStep *m_data = nullptr;
    QWidget *m_goalPage = nullptr;
    QButtonGroup *m_goals = nullptr;
    QLabel *m_goalTexts[3] = {};
    QLabel *m_goalHint = nullptr;
    QLabel *m_review = nullptr;
    QLabel *m_outputLabel = nullptr;
    QLineEdit *m_outputName = nullptr;
    QPushButton *m_back = nullptr;
    QPushButton *m_next = nullptr;
    QPushButton *m_advanced = nullptr;
    QPushButton *m_start = nullptr;

    QFutureWatcher<PlannedRun> m_planner;
    std::optional<TrainingPlan> m_plan;
    std::optional<DatasetInspection> m_planInspection;
    QString m_planError;
    bool m_outputNameEdited = false;
};

} // namespace llmos
