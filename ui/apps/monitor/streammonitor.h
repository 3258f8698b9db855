#pragma once

#include "apps/appcatalog.h"
#include "apps/appinference.h"
#include "apps/monitor/filetail.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QMap>
#include <QTimer>
#include <QWidget>

#include <deque>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QValueAxis;

namespace llmos {

class NoticeBar;
class RegisteredModelBox;

// The stream monitor (issue 9, the seed's public-opinion case): watches a growing file
// (JSON Lines, CSV or plain text lines) or a folder where text files arrive, classifies each new item with a registered
// classifier as it arrives, charts each label's count over time, and raises a visible
// alert while a chosen label's share of the last N items is above a threshold. The file
// is read on a worker once a second; classification goes through AppInference.
class StreamMonitor : public QWidget {
    Q_OBJECT
public:
    StreamMonitor(AppServices &services, QWidget *parent = nullptr);

    int modelChoices() const;
    bool watching() const { return m_timer.isActive(); }
    int itemsSeen() const { return m_seen; }
    QMap<QString, int> counts() const { return m_counts; }
    bool alerting() const { return m_alerting; }
    QString statusText() const;

    void setFile(const QString &path);

public Q_SLOTS:
    void start();
    void stop();

Q_SIGNALS:
    void itemsClassified(int count); // after each batch
    void alertChanged(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    void poll();
    void addResults(const QStringList &labels, const std::vector<ClassifiedText> &results);
    void checkAlert();
    void showStatus();
    void updateButtons();
    void retranslate();

    AppServices &m_services;
    QTimer m_timer;
    QElapsedTimer m_clock;
    TailState m_tail;
    QFutureWatcher<TailRead> m_reading;
    quint64 m_turn = 0;
    int m_seen = 0;
    int m_unreadable = 0;
    QMap<QString, int> m_counts;
    std::deque<QString> m_recent; // labels of the last window's items
    bool m_alerting = false;

    NoticeBar *m_notice = nullptr;
    QLabel *m_modelLabel = nullptr;
    RegisteredModelBox *m_model = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_choose = nullptr;
    QPushButton *m_chooseFolder = nullptr;
    QLabel *m_fieldLabel = nullptr;
    QLineEdit *m_field = nullptr;
    QPushButton *m_startStop = nullptr;
    QLabel *m_alertLabel = nullptr;
    QLineEdit *m_alertOn = nullptr;
    QSpinBox *m_share = nullptr;
    QSpinBox *m_window = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_alertState = nullptr;
    QChart *m_chart = nullptr;
    QValueAxis *m_time = nullptr;  // seconds since watching started
    QValueAxis *m_items = nullptr; // items so far
    QChartView *m_chartView = nullptr;
};

} // namespace llmos
