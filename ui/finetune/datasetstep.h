#pragma once

#include "recipe/trainingrecipe.h"
#include "registry/datasetrecord.h"
#include "services/trainingplan.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace llmos {

// The guided path's data step: a file chosen (CSV, TSV, JSON Lines, JSON or text) or one
// that earlier runs trained on (the registry's datasets), its first rows in a table, and
// what checking the whole file against the model's tokenizer found, in plain words.
// Reading runs on a worker; choosing another file stops it.
class DatasetStep : public QWidget {
    Q_OBJECT
public:
    DatasetStep(std::string registryHome, QWidget *parent = nullptr);
    ~DatasetStep() override;

    // Reads `recipe.dataset` with `recipe.modelPath`'s tokenizer.
    void inspect(const TrainingRecipe &recipe);
    void setPath(const QString &path);
    QString path() const;
    bool isBusy() const { return m_watcher.isRunning(); }
    // The last finished inspection (null before the first, or when it failed).
    const DatasetInspection *inspection() const { return m_inspection ? &*m_inspection : nullptr; }
    bool isUsable() const { return m_inspection && !m_inspection->rejected; }
    // Reads the registry's datasets again (on a worker; also each time the step is shown).
    void refreshKnownDatasets();
    // The data files earlier runs used that are still there, newest first.
    QStringList knownDatasetPaths() const;
    QComboBox *knownDatasets() const { return m_known; }

Q_SIGNALS:
    void pathChosen(const QString &path);
    void inspected();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void chooseFile();
    void showKnownDatasets(const std::vector<DatasetRecord> &datasets);
    void showInspection();
    void retranslate();

    std::string m_home;
    QFutureWatcher<DatasetInspection> m_watcher;
    std::shared_ptr<std::stop_source> m_stop;
    std::optional<DatasetInspection> m_inspection;
    QString m_error;
    QLabel *m_hint = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_choose = nullptr;
    QComboBox *m_known = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_report = nullptr;
};

} // namespace llmos
