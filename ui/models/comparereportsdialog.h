#pragma once

#include "evaluation/evaluationreport.h"

#include <QDialog>

#include <string>
#include <vector>

class QLabel;
class QTableWidget;

namespace llmos {

// Compare… on the Evaluations tab: every kept report of a registered model made for the
// same task on the same data (same content hash) as the selected one, side by side: a
// column per report (the selected one first), a row per metric, the best of each row in
// bold. The reports are read on a worker; the dialog is not modal, so a comparison can
// stay open next to the window while another model is looked at.
class CompareReportsDialog : public QDialog {
    Q_OBJECT
public:
    // `home`: the registry's folder, whose evaluations/ holds the reports.
    CompareReportsDialog(const EvaluationReport &selected, std::string home, QWidget *parent = nullptr);

    // True until the reports have been read (or could not be).
    bool isLoading() const { return m_loading; }
    QTableWidget *table() const { return m_table; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showReports(std::vector<EvaluationReport> reports, const QString &error);
    void retranslate();

    QLabel *m_note = nullptr;
    QTableWidget *m_table = nullptr;
    EvaluationReport m_selected;
    std::vector<EvaluationReport> m_reports;
    QString m_error;
    bool m_loading = true;
};

} // namespace llmos
