#include "apps/monitor/streammonitor.h"

#include "apps/registeredmodelbox.h"
#include "widgets/noticebar.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPushButton>
#include <QSpinBox>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <QtConcurrent/QtConcurrentRun>

namespace llmos {

StreamMonitor::StreamMonitor(AppServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notice = new NoticeBar(this);
    layout->addWidget(m_notice);
    auto *sourceRow = new QHBoxLayout;
    m_modelLabel = new QLabel;
    m_model = new RegisteredModelBox(services.home, AppModelKind::Classifier);
    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("monitorPath"));
    m_choose = new QPushButton;
    m_chooseFolder = new QPushButton;
    m_fieldLabel = new QLabel;
    m_field = new QLineEdit(QStringLiteral("text"));
    m_field->setMaximumWidth(120);
    m_startStop = new QPushButton;
    m_startStop->setObjectName(QStringLiteral("monitorStartStop"));
    sourceRow->addWidget(m_modelLabel);
    sourceRow->addWidget(m_model);
    sourceRow->addWidget(m_path, 1);
    sourceRow->addWidget(m_choose);
    sourceRow->addWidget(m_chooseFolder);
    sourceRow->addWidget(m_fieldLabel);
    sourceRow->addWidget(m_field);
    sourceRow->addWidget(m_startStop);
    layout->addLayout(sourceRow);
    auto *alertRow = new QHBoxLayout;
    m_alertLabel = new QLabel;
    m_alertOn = new QLineEdit;
    m_alertOn->setObjectName(QStringLiteral("monitorAlertLabel"));
    m_alertOn->setMaximumWidth(160);
    m_share = new QSpinBox;
    m_share->setObjectName(QStringLiteral("monitorAlertShare"));
    m_share->setRange(1, 100);
    m_share->setValue(50);
    m_share->setSuffix(QStringLiteral("%"));
    m_window = new QSpinBox;
    m_window->setRange(5, 10000);
    m_window->setValue(50);
    m_alertState = new QLabel;
    m_alertState->setObjectName(QStringLiteral("monitorAlertState"));
    alertRow->addWidget(m_alertLabel);
    alertRow->addWidget(m_alertOn);
    alertRow->addWidget(m_share);
    alertRow->addWidget(m_window);
    alertRow->addWidget(m_alertState, 1);
    layout->addLayout(alertRow);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("monitorStatus"));
    layout->addWidget(m_status);
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chartView = new QChartView(m_chart);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    layout->addWidget(m_chartView, 1);

    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &StreamMonitor::poll);
    connect(m_startStop, &QPushButton::clicked, this, [this] { watching() ? stop() : start(); });
    connect(m_chooseFolder, &QPushButton::clicked, this, [this] {
        const auto folder = QFileDialog::getExistingDirectory(this, tr("A folder where new files arrive"));
        if (!folder.isEmpty())
            setFile(folder);
    });
    connect(m_choose, &QPushButton::clicked, this, [this] {
        const auto path = QFileDialog::getOpenFileName(this, tr("A file that grows"), QString(),
                                                       tr("Streams (*.jsonl *.ndjson *.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            setFile(path);
    });
    connect(m_share, &QSpinBox::valueChanged, this, &StreamMonitor::checkAlert);
    connect(m_alertOn, &QLineEdit::textChanged, this, &StreamMonitor::checkAlert);
    connect(m_model, &RegisteredModelBox::loaded, this, [this](int count) {
        if (count == 0)
            m_notice->showInfo(tr("No classifier is registered yet. Import one on the Models page."));
        updateButtons();
    });
    connect(&m_reading, &QFutureWatcher<TailRead>::finished, this, [this] {
        auto read = m_reading.result();
        if (!watching())
            return;
        if (!read.error.isEmpty()) {
            m_notice->showError(tr("The file cannot be read: %1").arg(read.error));
            return;
        }
        m_tail = read.state;
        m_unreadable += read.unreadable;
        if (!read.items.isEmpty()) {
            ClassifyRequest request{m_model->currentText(), {}};
            for (const auto &item : read.items)
                request.texts.push_back(item.toStdString());
            m_turn = m_services.inference.startClassification(std::move(request));
        }
        showStatus();
    });
    auto &inference = services.inference;
    connect(&inference, &AppInference::classifyFinished, this,
            [this](quint64 turn, const QStringList &labels, const std::vector<ClassifiedText> &results) {
                if (turn != m_turn)
                    return;
                m_turn = 0;
                addResults(labels, results);
            });
    connect(&inference, &AppInference::turnFailed, this, [this](quint64 turn, const QString &reason) {
        if (turn != m_turn)
            return;
        m_turn = 0;
        m_notice->showError(tr("New items were not classified: %1").arg(reason));
        stop();
    });
    retranslate();
    updateButtons();
}

int StreamMonitor::modelChoices() const
{
    return m_model->count();
}

QString StreamMonitor::statusText() const
{
    return m_status->text();
}

void StreamMonitor::setFile(const QString &path)
{
    m_path->setText(path);
    updateButtons();
}

void StreamMonitor::start()
{
    if (watching() || m_path->text().isEmpty() || modelChoices() == 0)
        return;
    m_notice->hide();
    m_tail = {};
    m_seen = 0;
    m_unreadable = 0;
    m_counts.clear();
    m_recent.clear();
    m_alerting = false;
    m_chart->removeAllSeries();
    for (auto *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_time = new QValueAxis;
    m_time->setTitleText(tr("seconds"));
    m_time->setLabelFormat(QStringLiteral("%d"));
    m_items = new QValueAxis;
    m_items->setTitleText(tr("items"));
    m_items->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_items, Qt::AlignLeft);
    m_clock.start();
    m_timer.start();
    poll();
    updateButtons();
}

void StreamMonitor::stop()
{
    m_timer.stop();
    updateButtons();
    showStatus();
}

void StreamMonitor::poll()
{
    if (m_reading.isRunning() || m_turn != 0)
        return; // the last items are still being read or classified
    m_reading.setFuture(QtConcurrent::run([path = m_path->text(), field = m_field->text(), tail = m_tail] {
        return QFileInfo(path).isDir() ? readNewFiles(path, tail) : readNewItems(path, field, tail);
    }));
}

void StreamMonitor::addResults(const QStringList &labels, const std::vector<ClassifiedText> &results)
{
    const double seconds = m_clock.elapsed() / 1000.0;
    for (const auto &result : results) {
        const auto label = labels.value(result.best);
        m_counts[label] += 1;
        m_recent.push_back(label);
        while (static_cast<int>(m_recent.size()) > m_window->value())
            m_recent.pop_front();
    }
    m_seen += static_cast<int>(results.size());
    // One line a label: its count so far, a point per batch.
    auto series = m_chart->series();
    for (const auto &label : labels) {
        QLineSeries *line = nullptr;
        for (auto *s : series)
            if (s->name() == label)
                line = static_cast<QLineSeries *>(s);
        if (!line) {
            line = new QLineSeries;
            line->setName(label);
            line->append(0, 0);
            m_chart->addSeries(line);
            line->attachAxis(m_time);
            line->attachAxis(m_items);
        }
        line->append(seconds, m_counts.value(label));
    }
    int most = 0;
    for (const auto count : m_counts)
        most = std::max(most, count);
    m_time->setRange(0, std::max(10.0, std::ceil(seconds)));
    m_items->setRange(0, std::max(5, most + 1));
    m_time->applyNiceNumbers(); // whole-number ticks
    m_items->applyNiceNumbers();
    showStatus();
    checkAlert();
    Q_EMIT itemsClassified(static_cast<int>(results.size()));
}

void StreamMonitor::checkAlert()
{
    const auto watched = m_alertOn->text().trimmed();
    bool on = false;
    double share = 0;
    if (!watched.isEmpty() && !m_recent.empty()) {
        share = double(std::count(m_recent.begin(), m_recent.end(), watched)) / double(m_recent.size());
        on = share * 100 > m_share->value();
    }
    if (on) {
        const auto text = tr("Alert: \"%1\" is %2% of the last %n item(s), above %3%", nullptr,
                             static_cast<int>(m_recent.size()))
                              .arg(watched)
                              .arg(share * 100, 0, 'f', 0)
                              .arg(m_share->value());
        m_alertState->setText(text);
        m_alertState->setStyleSheet(QStringLiteral("color: white; background: #c0392b; padding: 2px 6px;"));
    } else {
        m_alertState->setText(watched.isEmpty() ? QString() : tr("No alert"));
        m_alertState->setStyleSheet(QString());
    }
    if (on != m_alerting) {
        m_alerting = on;
        if (on)
            m_notice->showError(m_alertState->text());
        Q_EMIT alertChanged(on);
    }
}

void StreamMonitor::showStatus()
{
    QStringList counts;
    for (auto it = m_counts.begin(); it != m_counts.end(); ++it)
        counts << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    QString text = watching() ? tr("Watching: %n item(s) so far", nullptr, m_seen) : tr("Stopped: %n item(s)", nullptr, m_seen);
    if (!counts.isEmpty())
        text += QStringLiteral(" \u00b7 ") + counts.join(QStringLiteral(" \u00b7 "));
    if (m_unreadable > 0)
        text += QStringLiteral(" \u00b7 ") + tr("%n unreadable line(s) left out", nullptr, m_unreadable);
    m_status->setText(text);
}

void StreamMonitor::updateButtons()
{
    m_startStop->setText(watching() ? tr("Stop") : tr("Watch"));
    m_startStop->setEnabled(watching() || (!m_path->text().isEmpty() && modelChoices() > 0));
    m_model->setEnabled(!watching());
    m_path->setEnabled(!watching());
    m_choose->setEnabled(!watching());
    m_chooseFolder->setEnabled(!watching());
    m_field->setEnabled(!watching());
}

void StreamMonitor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StreamMonitor::retranslate()
{
    m_modelLabel->setText(tr("Classifier:"));
    m_path->setPlaceholderText(tr("A JSON Lines, CSV or text file that grows, or a folder where text files arrive"));
    m_choose->setText(tr("File…"));
    m_chooseFolder->setText(tr("Folder…"));
    m_fieldLabel->setText(tr("Text field:"));
    m_alertLabel->setText(tr("Alert when the label"));
    m_alertOn->setPlaceholderText(tr("label"));
    m_share->setPrefix(tr("is above "));
    m_window->setPrefix(tr("of the last "));
    m_window->setSuffix(tr(" items"));
    m_chart->setTitle(tr("Items by label"));
    updateButtons();
    showStatus();
}

} // namespace llmos
