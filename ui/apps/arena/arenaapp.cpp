#include "apps/arena/arenaapp.h"

#include "apps/appmodels.h"
#include "widgets/noticebar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <climits>
#include <numeric>

namespace llmos {

namespace {

QString columnLetter(int column)
{
    return QString(QChar(u'A' + column));
}

} // namespace

ArenaApp::ArenaApp(AppServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_votes(QDir(QString::fromStdString(services.home)).filePath(QStringLiteral("apps/arena/votes.jsonl")))
{
    m_files.setMaxThreadCount(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notice = new NoticeBar(this);
    layout->addWidget(m_notice);

    auto *pickRow = new QHBoxLayout;
    m_modelsLabel = new QLabel;
    m_pickers = new QWidget;
    new QHBoxLayout(m_pickers);
    m_pickers->layout()->setContentsMargins(0, 0, 0, 0);
    m_add = new QPushButton;
    m_remove = new QPushButton;
    m_blind = new QCheckBox;
    m_blind->setObjectName(QStringLiteral("arenaBlind"));
    pickRow->addWidget(m_modelsLabel);
    pickRow->addWidget(m_pickers, 1);
    pickRow->addWidget(m_add);
    pickRow->addWidget(m_remove);
    pickRow->addWidget(m_blind);
    layout->addLayout(pickRow);

    auto *askRow = new QHBoxLayout;
    m_input = new QPlainTextEdit;
    m_input->setObjectName(QStringLiteral("arenaInput"));
    m_input->setMaximumHeight(72);
    auto *settings = new QGridLayout;
    m_temperatureLabel = new QLabel;
    m_temperature = new QDoubleSpinBox;
    m_temperature->setRange(0, 2);
    m_temperature->setSingleStep(0.1);
    m_temperature->setValue(0.7);
    m_maxTokensLabel = new QLabel;
    m_maxTokens = new QSpinBox;
    m_maxTokens->setObjectName(QStringLiteral("arenaMaxTokens"));
    m_maxTokens->setRange(1, 4096);
    m_maxTokens->setValue(256);
    m_seedLabel = new QLabel;
    m_seed = new QSpinBox;
    m_seed->setObjectName(QStringLiteral("arenaSeed"));
    m_seed->setRange(-1, INT_MAX);
    m_seed->setValue(-1);
    settings->addWidget(m_temperatureLabel, 0, 0);
    settings->addWidget(m_temperature, 0, 1);
    settings->addWidget(m_maxTokensLabel, 1, 0);
    settings->addWidget(m_maxTokens, 1, 1);
    settings->addWidget(m_seedLabel, 2, 0);
    settings->addWidget(m_seed, 2, 1);
    auto *buttons = new QVBoxLayout;
    m_send = new QPushButton;
    m_send->setObjectName(QStringLiteral("arenaSend"));
    m_send->setDefault(true);
    m_stop = new QPushButton;
    buttons->addWidget(m_send);
    buttons->addWidget(m_stop);
    askRow->addWidget(m_input, 1);
    askRow->addLayout(settings);
    askRow->addLayout(buttons);
    layout->addLayout(askRow);

    m_columns = new QGridLayout;
    layout->addLayout(m_columns, 1);
    auto *voteRow = new QHBoxLayout;
    m_tally = new QLabel;
    m_tally->setObjectName(QStringLiteral("arenaTally"));
    m_tally->setWordWrap(true);
    m_tie = new QPushButton;
    m_tie->setObjectName(QStringLiteral("arenaTie"));
    voteRow->addWidget(m_tally, 1);
    voteRow->addWidget(m_tie);
    layout->addLayout(voteRow);

    connect(m_add, &QPushButton::clicked, this, [this] { setSlotCount(slotCount() + 1); });
    connect(m_remove, &QPushButton::clicked, this, [this] { setSlotCount(slotCount() - 1); });
    connect(m_send, &QPushButton::clicked, this, &ArenaApp::send);
    connect(m_stop, &QPushButton::clicked, this, &ArenaApp::stop);
    connect(m_tie, &QPushButton::clicked, this, [this] { vote(-1); });
    connect(&m_models, &QFutureWatcher<QStringList>::finished, this, [this] {
        const auto names = m_models.result();
        for (std::size_t i = 0; i < m_slots.size(); ++i) {
            auto *combo = m_slots[i].model;
            const auto current = combo->currentText();
            combo->clear();
            combo->addItems(names);
            // A different model in each slot to start with, when there are enough.
            const int wanted = combo->findText(current);
            combo->setCurrentIndex(wanted >= 0 ? wanted : (names.isEmpty() ? -1 : int(i) % names.size()));
        }
        if (names.isEmpty())
            m_notice->showInfo(tr("No chat model is registered yet. Import one on the Models page (or make the demo "
                                  "models with 'llmos demo')."));
        updateButtons();
    });
    connect(&m_reading, &QFutureWatcher<QVector<ArenaVote>>::finished, this, [this] {
        const auto tally = ArenaVotes::tally(m_reading.result());
        QStringList parts;
        for (auto it = tally.begin(); it != tally.end(); ++it)
            if (!it.key().isEmpty())
                parts << tr("%1 %n win(s)", nullptr, it.value()).arg(it.key());
        if (tally.contains(QString()))
            parts << tr("%n tie(s)", nullptr, tally.value(QString()));
        m_tally->setText(parts.isEmpty() ? tr("No votes yet.") : tr("Votes so far: %1").arg(parts.join(QStringLiteral(" \u00b7 "))));
        Q_EMIT votesRead();
    });

    auto &inference = services.inference;
    connect(&inference, &AppInference::turnText, this, [this](quint64 turn, const QString &text) {
        if (const int slot = slotOfTurn(turn); slot >= 0) {
            m_slots[slot].text += text;
            showColumns();
        }
    });
    connect(&inference, &AppInference::turnFinished, this,
            [this](quint64 turn, const ChatTurnStats &stats, const QString &reply) {
                const int slot = slotOfTurn(turn);
                if (slot < 0)
                    return;
                auto &s = m_slots[slot];
                s.text = reply;
                s.done = true;
                s.statsText = tr("%n token(s) \u00b7 %1 tokens/s", nullptr, static_cast<int>(stats.completionTokens))
                                  .arg(stats.tokensPerSecond, 0, 'f', 1);
                showColumns();
                updateButtons();
                if (!busy())
                    Q_EMIT roundEnded();
            });
    connect(&inference, &AppInference::turnFailed, this, [this](quint64 turn, const QString &reason) {
        const int slot = slotOfTurn(turn);
        if (slot < 0)
            return;
        m_slots[slot].done = true;
        m_slots[slot].text = tr("(no answer: %1)").arg(reason);
        showColumns();
        updateButtons();
        if (!busy())
            Q_EMIT roundEnded();
    });

    setSlotCount(kMinModels);
    retranslate();
    refreshModels();
    readVotes();
}

void ArenaApp::setSlotCount(int count)
{
    count = std::clamp(count, kMinModels, kMaxModels);
    if (busy() || count == slotCount())
        return;
    const QStringList names = m_slots.empty() ? QStringList() : [&] {
        QStringList items;
        for (int i = 0; i < m_slots.front().model->count(); ++i)
            items << m_slots.front().model->itemText(i);
        return items;
    }();
    while (slotCount() > count) {
        auto &s = m_slots.back();
        delete s.model;
        delete s.heading;
        delete s.answer;
        delete s.stats;
        delete s.vote;
        m_slots.pop_back();
    }
    while (slotCount() < count) {
        Slot s;
        s.model = new QComboBox;
        s.model->setObjectName(QStringLiteral("arenaModel%1").arg(slotCount()));
        s.model->addItems(names);
        if (!names.isEmpty())
            s.model->setCurrentIndex(slotCount() % names.size());
        m_pickers->layout()->addWidget(s.model);
        m_slots.push_back(s);
    }
    m_order.resize(m_slots.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    m_voted = true;
    buildColumns();
    retranslate();
    updateButtons();
}

void ArenaApp::buildColumns()
{
    for (int column = 0; column < slotCount(); ++column) {
        auto &s = m_slots[column];
        if (!s.answer) {
            s.heading = new QLabel;
            QFont bold = s.heading->font();
            bold.setBold(true);
            s.heading->setFont(bold);
            s.answer = new QTextBrowser;
            s.answer->setObjectName(QStringLiteral("arenaAnswer%1").arg(column));
            s.stats = new QLabel;
            s.vote = new QPushButton;
            s.vote->setObjectName(QStringLiteral("arenaVote%1").arg(column));
            connect(s.vote, &QPushButton::clicked, this, [this, column] { vote(column); });
        }
        m_columns->addWidget(s.heading, 0, column);
        m_columns->addWidget(s.answer, 1, column);
        m_columns->addWidget(s.stats, 2, column);
        m_columns->addWidget(s.vote, 3, column);
        m_columns->setColumnStretch(column, 1);
    }
    for (int column = slotCount(); column < kMaxModels; ++column)
        m_columns->setColumnStretch(column, 0);
    showColumns();
}

// Column c shows slot m_order[c]: its heading, answer and stats; the vote buttons stay put.
void ArenaApp::showColumns()
{
    const bool hidden = m_blindRound && !m_voted;
    for (int column = 0; column < slotCount(); ++column) {
        const auto &shown = m_slots[m_order[column]];
        auto &place = m_slots[column];
        place.heading->setText(hidden ? tr("Model %1").arg(columnLetter(column)) : shown.model->currentText());
        place.answer->setPlainText(shown.text + (shown.done ? QString() : QStringLiteral("\u2026")));
        place.stats->setText(shown.statsText);
        place.vote->setText(tr("%1 is better").arg(hidden ? tr("Model %1").arg(columnLetter(column)) : tr("This")));
    }
}

int ArenaApp::slotOfTurn(quint64 turn) const
{
    for (std::size_t i = 0; i < m_slots.size(); ++i)
        if (m_slots[i].turn == turn && !m_slots[i].done)
            return static_cast<int>(i);
    return -1;
}

bool ArenaApp::busy() const
{
    return std::any_of(m_slots.begin(), m_slots.end(), [](const Slot &s) { return !s.done; });
}

int ArenaApp::modelChoices() const
{
    return m_slots.empty() ? 0 : m_slots.front().model->count();
}

QString ArenaApp::answerText(int column) const
{
    return m_slots.at(column).answer->toPlainText();
}

QString ArenaApp::headingText(int column) const
{
    return m_slots.at(column).heading->text();
}

QString ArenaApp::tallyText() const
{
    return m_tally->text();
}

void ArenaApp::send()
{
    const auto prompt = m_input->toPlainText().trimmed();
    if (prompt.isEmpty() || busy() || modelChoices() == 0)
        return;
    m_notice->hide();
    m_prompt = prompt;
    m_blindRound = m_blind->isChecked();
    std::iota(m_order.begin(), m_order.end(), 0);
    if (m_blindRound) // the columns in a random order, so position gives nothing away
        std::shuffle(m_order.begin(), m_order.end(), *QRandomGenerator::global());
    m_voted = false;
    for (auto &s : m_slots) {
        ChatTurnRequest request;
        request.model = s.model->currentText();
        request.messages.push_back({{"role", "user"}, {"content", prompt.toStdString()}});
        request.sampling.temperature = m_temperature->value();
        if (m_seed->value() >= 0)
            request.sampling.seed = static_cast<std::uint64_t>(m_seed->value());
        request.maxTokens = m_maxTokens->value();
        s.text.clear();
        s.done = false;
        s.statsText.clear();
        s.turn = m_services.inference.startChat(std::move(request));
    }
    showColumns();
    updateButtons();
}

void ArenaApp::showDemoRound()
{
    setProperty("loading", true);
    auto ask = [this] {
        // The demo has one language model: it meets itself, with a fresh seed each.
        for (auto &s : m_slots)
            if (const int index = s.model->findText(QStringLiteral("fortune-lm")); index >= 0)
                s.model->setCurrentIndex(index);
        m_blind->setChecked(true);
        m_seed->setValue(-1);
        m_maxTokens->setValue(48);
        m_input->setPlainText(tr("Tell me something wise about work."));
        send();
        if (!busy())
            setProperty("loading", false);
    };
    connect(this, &ArenaApp::roundEnded, this, [this] { setProperty("loading", false); }, Qt::SingleShotConnection);
    if (m_models.isFinished())
        ask();
    else
        connect(&m_models, &QFutureWatcher<QStringList>::finished, this, ask, Qt::SingleShotConnection);
}

void ArenaApp::stop()
{
    for (const auto &s : m_slots)
        if (!s.done)
            m_services.inference.cancel(s.turn);
}

void ArenaApp::vote(int column)
{
    if (m_voted || busy())
        return;
    ArenaVote vote;
    vote.timeMs = QDateTime::currentMSecsSinceEpoch();
    vote.prompt = m_prompt;
    for (const auto &s : m_slots) {
        vote.models << s.model->currentText();
        vote.answers << s.text;
    }
    if (column >= 0)
        vote.winner = m_slots[m_order[column]].model->currentText();
    vote.blind = m_blindRound;
    m_voted = true;
    showColumns(); // names revealed
    updateButtons();
    auto saved = QtConcurrent::run(&m_files, [votes = m_votes, vote] { return votes.append(vote); });
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const auto error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty())
            m_notice->showError(tr("The vote could not be saved: %1").arg(error));
        readVotes();
    });
    watcher->setFuture(saved);
}

void ArenaApp::refreshModels()
{
    if (!m_models.isRunning())
        m_models.setFuture(QtConcurrent::run(
            [home = m_services.home] { return registeredModelsOfKind(home, AppModelKind::Generative); }));
}

void ArenaApp::readVotes()
{
    if (!m_reading.isRunning())
        m_reading.setFuture(QtConcurrent::run(&m_files, [votes = m_votes] { return votes.read(); }));
}

void ArenaApp::updateButtons()
{
    const bool working = busy();
    m_send->setEnabled(!working && modelChoices() > 0);
    m_stop->setEnabled(working);
    m_add->setEnabled(!working && slotCount() < kMaxModels);
    m_remove->setEnabled(!working && slotCount() > kMinModels);
    m_blind->setEnabled(!working);
    const bool judging = !working && !m_voted;
    for (auto &s : m_slots) {
        s.model->setEnabled(!working);
        s.vote->setEnabled(judging);
    }
    m_tie->setEnabled(judging);
}

void ArenaApp::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        showColumns();
    }
    QWidget::changeEvent(event);
}

void ArenaApp::retranslate()
{
    m_modelsLabel->setText(tr("Models:"));
    m_add->setText(tr("Add a model"));
    m_remove->setText(tr("Remove one"));
    m_blind->setText(tr("Blind (hide the names until you vote)"));
    m_input->setPlaceholderText(tr("One prompt, sent to every model above"));
    m_temperatureLabel->setText(tr("Temperature"));
    m_maxTokensLabel->setText(tr("Max tokens"));
    m_seedLabel->setText(tr("Seed"));
    m_seed->setSpecialValueText(tr("random"));
    m_send->setText(tr("Send to all"));
    m_stop->setText(tr("Stop"));
    m_tie->setText(tr("Tie"));
}

} // namespace llmos
