#pragma once

#include "recipe/trainingrecipe.h"
#include "services/trainingplan.h"

#include <QFutureWatcher>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace llmos {

class GuidedFineTune;
class JobCenter;
class PageHeading;
class RecipeForm;
class SweepDesigner;
class TrainablePicker;

// The fine-tune designer: the guided path (model, data, goal, review, start) for people
// new to this, the advanced view with every recipe field, which also opens recipe files
// and copies of earlier runs ("duplicate and change one thing"), and the search view, a
// hyperparameter grid over the advanced view's recipe. Runs and searches start through the
// job center; the window then shows them on the Jobs and Experiments pages.
class FineTunePage : public QWidget {
    Q_OBJECT
public:
    enum Mode { Guided, Advanced, Search };

    FineTunePage(JobCenter &jobs, QWidget *parent = nullptr);
    ~FineTunePage() override;

    GuidedFineTune *guided() const { return m_guided; }
    RecipeForm *advanced() const { return m_form; }
    TrainablePicker *trainablePicker() const { return m_picker; }
    SweepDesigner *search() const { return m_search; }
    void showMode(Mode mode);
    // The search view over the advanced view's recipe.
    void openSearch();
    Mode mode() const;
    // Opens a run's recipe in the advanced view (read on a worker).
    void duplicateRun(const QString &runId);

    // For `llmos --screenshot`: the advanced view and the search designer as well.
    Q_INVOKABLE QStringList screenshotVariants() const;
    Q_INVOKABLE void showScreenshotVariant(const QString &variant);

Q_SIGNALS:
    // A run was queued from this page.
    void runStarted(const QString &runId);
    // A search was started from this page.
    void searchStarted(const QString &sweepId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void start(const TrainingRecipe &recipe);
    void retranslate();

    JobCenter &m_jobs;
    PageHeading *m_title = nullptr;
    QLabel *m_intro = nullptr;
    QButtonGroup *m_modes = nullptr;
    QPushButton *m_guidedButton = nullptr;
    QPushButton *m_advancedButton = nullptr;
    QPushButton *m_searchButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    GuidedFineTune *m_guided = nullptr;
    RecipeForm *m_form = nullptr;
    TrainablePicker *m_picker = nullptr;
    QPushButton *m_startAdvanced = nullptr;
    SweepDesigner *m_search = nullptr;
    QLabel *m_message = nullptr;
    bool m_waitingForStart = false;
    bool m_waitingForSearch = false;
    QFutureWatcher<PlannedRun> m_trialPlanner;
};

} // namespace llmos
