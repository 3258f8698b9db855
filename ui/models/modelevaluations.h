#pragma once

#include "evaluation/evaluationreport.h"

#include <QWidget>

#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace llmos {

// When a report was made, as the window shows it (the locale's short date and time).
QString evaluationTime(const EvaluationReport &report);

// The model details' Evaluations tab: the reports `llmos eval` (and later the window)
// kept with the model, newest first: when, what task, on which data, how many examples and
// the figures, with a hint on how to make one when there are none. Compare… puts the
// selected report next to the other models' reports on the same data.
class ModelEvaluations : public QWidget {
    Q_OBJECT
public:
    explicit ModelEvaluations(QWidget *parent = nullptr);

    void showReports(const std::vector<EvaluationReport> &reports, const QString &modelName);
    int rowCount() const;
    // The registry's folder, where Compare… finds every model's reports; until it is set
    // Compare… stays disabled.
    void setRegistryHome(std::string home);

protected:
    void changeEvent(QEvent *event) override;

private:
    void compareSelected();
    void updateCompare();
    void retranslate();

    QLabel *m_hint = nullptr;
    QPushButton *m_compare = nullptr;
    QTableWidget *m_table = nullptr;
    QString m_modelName;
    std::string m_home;
    std::vector<EvaluationReport> m_reports;
};

} // namespace llmos
