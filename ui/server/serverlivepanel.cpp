#include "server/serverlivepanel.h"

#include "server/requestlogmodel.h"
#include "server/servercontroller.h"

#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace llmos {

namespace {

constexpr int kChartSeconds = 600;

QString milliseconds(double seconds)
{
    return QLocale().toString(seconds * 1000.0, 'f', 0);
}

} // namespace

ServerLivePanel::ServerLivePanel(ServerController &server, QWidget *parent)
    : QWidget(parent)
    , m_server(server)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *strip = new QFrame;
    strip->setFrameShape(QFrame::StyledPanel);
    auto *grid = new QGridLayout(strip);
    int column = 0;
    for (Figure *figure : {&m_rate, &m_latency, &m_tokens, &m_failed, &m_firstToken}) {
        figure->title = new QLabel;
        figure->title->setWordWrap(true);
        figure->title->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        figure->value = new QLabel;
        QFont big = figure->value->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        big.setBold(true);
        figure->value->setFont(big);
        // Three to a row, so the page fits the window's smallest width.
        const int row = 2 * (column / 3);
        grid->addWidget(figure->value, row, column % 3);
        grid->addWidget(figure->title, row + 1, column % 3);
        grid->setColumnStretch(column % 3, 1);
        ++column;
    }
    layout->addWidget(strip);

    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_requestSeries = new QLineSeries;
    m_tokenSeries = new QLineSeries;
    m_chart->addSeries(m_requestSeries);
    m_chart->addSeries(m_tokenSeries);
    m_timeAxis = new QValueAxis;
    m_timeAxis->setRange(-kChartSeconds / 60.0, 0);
    m_timeAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_timeAxis->setTickCount(6);
    m_requestAxis = new QValueAxis;
    m_tokenAxis = new QValueAxis;
    m_requestAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_tokenAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_requestAxis, Qt::AlignLeft);
    m_chart->addAxis(m_tokenAxis, Qt::AlignRight);
    m_requestSeries->attachAxis(m_timeAxis);
    m_requestSeries->attachAxis(m_requestAxis);
    m_tokenSeries->attachAxis(m_timeAxis);
    m_tokenSeries->attachAxis(m_tokenAxis);
    m_chartView = new QChartView(m_chart);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    layout->addWidget(m_chartView, 3);

    m_logTitle = new QLabel;
    layout->addWidget(m_logTitle);
    m_log = new RequestLogModel(500, this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("requestLog"));
    m_table->setModel(m_log);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RequestLogModel::Request, QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    layout->addWidget(m_table, 3);

    connect(&m_server, &ServerController::requestsRecorded, this,
            [this](const std::vector<serve::RequestRecord> &records) { m_log->add(records); });
    connect(&m_server, &ServerController::figuresChanged, this, [this] {
        showFigures();
        showHistory();
    });
    retranslate();
    showHistory();
}

void ServerLivePanel::setKeyNames(const QStringList &names)
{
    m_log->setKeyNames(names);
}

void ServerLivePanel::showFigures()
{
    const auto &f = m_server.figures();
    const QLocale locale;
    m_rate.value->setText(locale.toString(f.requestsPerSecond, 'f', 2));
    m_latency.value->setText(f.requests ? tr("%1 / %2 ms").arg(milliseconds(f.latencyP50), milliseconds(f.latencyP95))
                                        : tr("–"));
    m_tokens.value->setText(locale.toString(f.tokensPerSecond, 'f', 1));
    m_failed.value->setText(f.requests ? tr("%1 %").arg(locale.toString(f.failedShare() * 100.0, 'f', 1)) : tr("–"));
    m_firstToken.value->setText(f.firstTokenP95 > 0 ? tr("%1 ms").arg(milliseconds(f.firstTokenP95)) : tr("–"));
    const auto alerts = m_server.alerts();
    auto mark = [](QLabel *label, bool alert) {
        label->setStyleSheet(alert ? QStringLiteral("color: #c62828;") : QString());
    };
    mark(m_failed.value, alerts.failures);
    mark(m_firstToken.value, alerts.slowFirstToken);
}

void ServerLivePanel::showHistory()
{
    const auto now = ServerStats::Clock::now();
    const auto history = m_server.stats().history(now);
    const auto nowSecond = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
    // One point per second of the window, zeros included, so quiet spells show as such.
    QList<QPointF> requests, tokens;
    requests.reserve(kChartSeconds + 1);
    tokens.reserve(kChartSeconds + 1);
    double requestMax = 0, tokenMax = 0;
    auto it = history.begin();
    for (std::int64_t s = nowSecond - kChartSeconds; s <= nowSecond; ++s) {
        while (it != history.end() && it->unixSecond < s)
            ++it;
        const bool has = it != history.end() && it->unixSecond == s;
        const double minutes = double(s - nowSecond) / 60.0;
        const double r = has ? it->requests : 0;
        const double t = has ? double(it->tokens) : 0;
        requests.append({minutes, r});
        tokens.append({minutes, t});
        requestMax = std::max(requestMax, r);
        tokenMax = std::max(tokenMax, t);
    }
    m_requestSeries->replace(requests);
    m_tokenSeries->replace(tokens);
    // Whole numbers on both axes: at least 0-5, rounded up to a nice top.
    for (auto [axis, top] : {std::pair{m_requestAxis, requestMax}, std::pair{m_tokenAxis, tokenMax}}) {
        axis->setRange(0, std::max(5.0, top));
        axis->applyNiceNumbers();
    }
}

void ServerLivePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ServerLivePanel::retranslate()
{
    m_rate.title->setText(tr("requests per second"));
    m_latency.title->setText(tr("latency: median / slowest 5%"));
    m_tokens.title->setText(tr("tokens per second"));
    m_failed.title->setText(tr("failed"));
    m_firstToken.title->setText(tr("first token, slowest 5%"));
    m_chart->setTitle(tr("The last ten minutes"));
    m_requestSeries->setName(tr("requests per second"));
    m_tokenSeries->setName(tr("tokens per second"));
    m_timeAxis->setTitleText(tr("minutes ago"));
    m_logTitle->setText(tr("Requests (newest first; the figures cover the last minute)"));
    showFigures();
}

} // namespace llmos
