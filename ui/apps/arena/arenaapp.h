#pragma once

#include "apps/appcatalog.h"
#include "apps/appinference.h"
#include "apps/arena/arenavotes.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTextBrowser;

namespace llmos {

class NoticeBar;

// The arena (issue 9): one prompt to two to four models at once, their answers streamed
// side by side (through AppInference, so turns on one model are batched together). Blind
// mode hides the names and shuffles the columns until a vote; the vote (a winner or a tie)
// is kept as evaluation data (ArenaVotes) and the wins so far are shown.
class ArenaApp : public QWidget {
    Q_OBJECT
public:
    ArenaApp(AppServices &services, QWidget *parent = nullptr);

    static constexpr int kMinModels = 2;
    static constexpr int kMaxModels = 4;

    int slotCount() const { return static_cast<int>(m_slots.size()); }
    void setSlotCount(int count);
    bool busy() const;
    // The column's answer and its heading as shown (blind: "Model A").
    QString answerText(int column) const;
    QString headingText(int column) const;
    QString tallyText() const;
    int modelChoices() const;

    // For the screenshots: a blind round on the demo's language model (the page says it is
    // loading until the answers are in).
    void showDemoRound();

public Q_SLOTS:
    void send();
    void stop();
    // column: the shown column that won; -1 for a tie.
    void vote(int column);

Q_SIGNALS:
    void roundEnded();  // every answer is in (or failed)
    void votesRead();   // the tally was (re)read

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Slot {
        QComboBox *model = nullptr;
        QLabel *heading = nullptr;
        QTextBrowser *answer = nullptr;
        QLabel *stats = nullptr;
        QPushButton *vote = nullptr;
        quint64 turn = 0;
        QString text;
        QString statsText;
        bool done = true;
    };
    void buildColumns();
    void showColumns();
    void refreshModels();
    void readVotes();
    void updateButtons();
    void retranslate();
    int slotOfTurn(quint64 turn) const;

    AppServices &m_services;
    ArenaVotes m_votes;
    QThreadPool m_files;
    std::vector<Slot> m_slots;
    std::vector<int> m_order; // column -> slot (shuffled when blind)
    QString m_prompt;
    bool m_voted = true; // no round to judge yet
    bool m_blindRound = false;
    QFutureWatcher<QStringList> m_models;
    QFutureWatcher<QVector<ArenaVote>> m_reading;

    NoticeBar *m_notice = nullptr;
    QLabel *m_modelsLabel = nullptr;
    QWidget *m_pickers = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QCheckBox *m_blind = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QLabel *m_temperatureLabel = nullptr;
    QDoubleSpinBox *m_temperature = nullptr;
    QLabel *m_maxTokensLabel = nullptr;
    QSpinBox *m_maxTokens = nullptr;
    QLabel *m_seedLabel = nullptr;
    QSpinBox *m_seed = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_stop = nullptr;
    QGridLayout *m_columns = nullptr;
    QPushButton *m_tie = nullptr;
    QLabel *m_tally = nullptr;
};

} // namespace llmos
