#pragma once

#include "evaluation/evaluationreport.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

namespace llmos {

// The model details' Evaluations tab: the reports `llmos eval` (and later the window)
// kept with the model, newest first: when, what task, on which data, how many examples and
// the figures, with a hint on how to make one when there are none.
class ModelEvaluations : public QWidget {
    Q_OBJECT
public:
    explicit ModelEvaluations(QWidget *parent = nullptr);

    void showReports(const std::vector<EvaluationReport> &reports, const QString &modelName);
    int rowCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_hint = nullptr;
    QTableWidget *m_table = nullptr;
    QString m_modelName;
    std::vector<EvaluationReport> m_reports;
};

} // namespace llmos
