#pragma once

#include "apps/appcatalog.h"
#include "apps/appinference.h"
#include "apps/classify/texttable.h"

#include <QFutureWatcher>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace llmos {

class ClassifiedRowsModel;
class NoticeBar;
class RegisteredModelBox;
class ProbabilityBars;

// The text classification app (issue 9): one text with each label's probability as bars
// and an adjustable decision threshold (below it, the answer is "not sure"); or every row
// of a CSV / TSV / JSON Lines file, with progress and cancel, results in a table exported
// to CSV (private data masked on request), and accuracy, macro-F1 and a confusion matrix
// when the file has a label column. Runs on the registry's classifiers through AppInference.
class ClassifierApp : public QWidget {
    Q_OBJECT
public:
    ClassifierApp(AppServices &services, QWidget *parent = nullptr);

    int modelChoices() const;
    QString decisionText() const;
    QString metricsText() const;
    int resultRows() const;
    bool running() const { return m_turn != 0; }

    // The batch view's file, read on a worker (tableLoaded when done).
    void openTable(const QString &path);
    // Writes the batch results as CSV; empty on success, else why not. On a worker.
    void exportResults(const QString &path);

public Q_SLOTS:
    void classifyText();
    void runBatch();
    void cancelBatch();

Q_SIGNALS:
    void textClassified();
    void tableLoaded();
    void batchEnded();
    void exported(const QString &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildSingle();
    QWidget *buildBatch();
    void showDecision();
    void showBatchResults(const QStringList &labels, const std::vector<ClassifiedText> &results);
    void updateButtons();
    void retranslate();

    AppServices &m_services;
    quint64 m_turn = 0;
    bool m_batchTurn = false;
    QStringList m_labels;          // of the last single result
    std::vector<double> m_single;  // its probabilities
    TextTable m_table;
    QStringList m_batchLabels;
    std::vector<ClassifiedText> m_batch;
    std::vector<QStringList> m_batchRows; // the rows m_batch was made from
    int m_batchTextColumn = 0;
    int m_batchLabelColumn = -1;
    QFutureWatcher<TextTable> m_reading;
    QFutureWatcher<QString> m_writing;

    NoticeBar *m_notice = nullptr;
    QLabel *m_modelLabel = nullptr;
    RegisteredModelBox *m_model = nullptr;
    QLabel *m_thresholdLabel = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QTabWidget *m_tabs = nullptr;
    // One text
    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_classify = nullptr;
    QLabel *m_decision = nullptr;
    ProbabilityBars *m_bars = nullptr;
    // A file
    QLineEdit *m_path = nullptr;
    QPushButton *m_choose = nullptr;
    QLabel *m_textColumnLabel = nullptr;
    QComboBox *m_textColumn = nullptr;
    QLabel *m_labelColumnLabel = nullptr;
    QComboBox *m_labelColumn = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableView *m_results = nullptr;
    ClassifiedRowsModel *m_resultRows = nullptr; // over m_table.rows and m_batch
    QLabel *m_metrics = nullptr;
    QTableWidget *m_confusion = nullptr;
    QCheckBox *m_mask = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace llmos
