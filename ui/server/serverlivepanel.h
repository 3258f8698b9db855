#pragma once

#include "serve/requestrecord.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTableView;

class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace llmos {

class RequestLogModel;
class ServerController;

// The Server page's live column: the last minute in figures (requests per second,
// latency, tokens per second, failures, time to the first token), the last ten minutes
// as a chart of requests and tokens per second, and the request log, newest first.
class ServerLivePanel : public QWidget {
    Q_OBJECT
public:
    ServerLivePanel(ServerController &server, QWidget *parent = nullptr);

    RequestLogModel *log() const { return m_log; }
    void setKeyNames(const QStringList &names);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showFigures();
    void showHistory();

    ServerController &m_server;
    struct Figure {
        QLabel *title = nullptr;
        QLabel *value = nullptr;
    };
    Figure m_rate, m_latency, m_tokens, m_failed, m_firstToken;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_requestSeries = nullptr;
    QLineSeries *m_tokenSeries = nullptr;
    QValueAxis *m_timeAxis = nullptr;
    QValueAxis *m_requestAxis = nullptr;
    QValueAxis *m_tokenAxis = nullptr;
    QLabel *m_logTitle = nullptr;
    QTableView *m_table = nullptr;
    RequestLogModel *m_log = nullptr;
};

} // namespace llmos
