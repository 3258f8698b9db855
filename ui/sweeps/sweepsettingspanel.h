#pragma once

#include <nlohmann/json.hpp>

#include <QWidget>

#include <string>
#include <vector>

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QGroupBox;
class QLabel;
class QSpinBox;

namespace llmos {

// The sweep designer's settings beside its parameter table: the search strategy, the
// early stopping of weak trials and the goal and budget, each with its plain-words
// description, written into and read from the sweep document's "strategy", "pruner",
// "objective" and "budget" sections.
class SweepSettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SweepSettingsPanel(QWidget *parent = nullptr);

    std::string strategyKind() const; // grid random tpe
    std::string prunerKind() const;   // none median asha hyperband
    double maxTimeSeconds() const { return m_maxTimeSeconds; }
    int trials() const; // as the trials box shows it

    void writeTo(nlohmann::ordered_json &document) const;
    void readFrom(const nlohmann::ordered_json &document);
    // A grid's size is its number of trials: shown in the trials box, not chosen there.
    void showGridSize(int trials);
    // Puts the first ASHA / Hyperband check a ninth into a trial of `trialSteps`, or a
    // third when the learning rate is searched (docs/sweeps.md: early checks stop the
    // slow-starting high rates), until the person picks one.
    void suggestFirstCheck(qint64 trialSteps, bool learningRateSearched);

    // Marks the input the sweep file's `field` ("pruner.min_steps") names and returns its
    // caption; empty when no shown input has that field.
    QString mark(const std::string &field);
    void clearMarks();

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct SettingRow {
        const char *path; // the sweep file's field
        QLabel *caption;
        QWidget *input;
    };

    QGroupBox *buildSearch();
    QGroupBox *buildPruner();
    QGroupBox *buildGoal();
    void addSetting(QGridLayout *grid, const char *path, QWidget *input);
    void setSettingShown(QWidget *input, bool shown);
    void retranslate();
    void strategyChanged();
    void prunerChanged();
    void notify();
    void setQuietly(QSpinBox *spin, int value);

    QGroupBox *m_searchGroup = nullptr;
    QComboBox *m_strategy = nullptr;
    QLabel *m_strategyNote = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_tpeStartup = nullptr;
    QSpinBox *m_tpeCandidates = nullptr;
    QDoubleSpinBox *m_tpeGamma = nullptr;

    QGroupBox *m_prunerGroup = nullptr;
    QComboBox *m_pruner = nullptr;
    QLabel *m_prunerNote = nullptr;
    QSpinBox *m_minSteps = nullptr;
    QSpinBox *m_prunerMaxSteps = nullptr;
    QSpinBox *m_reduction = nullptr;
    QSpinBox *m_medianStartup = nullptr;
    QSpinBox *m_medianWarmup = nullptr;

    QGroupBox *m_goalGroup = nullptr;
    QComboBox *m_metric = nullptr;
    QComboBox *m_direction = nullptr;
    QSpinBox *m_trials = nullptr;
    QSpinBox *m_maxConcurrent = nullptr;
    QSpinBox *m_timeLimit = nullptr; // minutes; the document keeps seconds (m_maxTimeSeconds)

    std::vector<SettingRow> m_settings;
    std::vector<QWidget *> m_marked;
    double m_maxTimeSeconds = 0;
    int m_searchTrials = 20; // what the person chose for random and TPE, kept across a grid
    bool m_minStepsChosen = false;
    bool m_quiet = false; // set while the panel itself changes an input
};

} // namespace llmos
