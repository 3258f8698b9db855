#pragma once

#include "evaluation/evaluationreport.h"
#include "registry/modelrecord.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace llmos {

// What to evaluate a model on, as `llmos eval` takes it.
struct EvaluationRequest {
    QString dataPath;
    EvaluationTask task = EvaluationTask::Perplexity;
    QString textField = QStringLiteral("text");
    QString labelField = QStringLiteral("label");
    int limit = 0; // 0: every row
};

// Evaluate… on the Models page: the data file, the task (the model's kind picks the first
// choice), the columns a classification reads and how many rows at most. Evaluate stays
// disabled until a file is chosen.
class EvaluateDialog : public QDialog {
    Q_OBJECT
public:
    explicit EvaluateDialog(const ModelRecord &model, QWidget *parent = nullptr);
    EvaluationRequest request() const;

    QLineEdit *dataField() const { return m_data; }
    QComboBox *taskChoice() const { return m_task; }
    QPushButton *evaluateButton() const { return m_evaluate; }

private:
    void update();

    QLineEdit *m_data = nullptr;
    QComboBox *m_task = nullptr;
    QLabel *m_taskHelp = nullptr;
    QLineEdit *m_textField = nullptr;
    QLineEdit *m_labelField = nullptr;
    QSpinBox *m_limit = nullptr;
    QPushButton *m_evaluate = nullptr;
};

} // namespace llmos
