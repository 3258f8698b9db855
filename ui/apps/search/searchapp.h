#pragma once

#include "apps/appcatalog.h"
#include "apps/appinference.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace llmos {

class NoticeBar;
class RegisteredModelBox;
struct SearchState;

// One result as the app shows it.
struct SearchResult {
    std::size_t passage = 0; // in the index
    QString document;        // file (relative to the folder) or table file name
    qint64 row = -1;         // table row, -1 for files
    QString text;            // the passage
    double score = 0;        // cosine similarity
};

// Semantic search and recommendation (issue 9): index a folder of text files or a column
// of a CSV / TSV / JSON Lines file with an embedding model (or a language model's hidden
// states), kept under <home>/apps/search/ and updated incrementally (only new or changed
// text is embedded again); a query gives passages ranked by similarity, with its words
// highlighted, and "More like this" on any result gives the passages closest to it from
// other documents. Indexing and queries run through AppInference on a worker.
class SearchApp : public QWidget {
    Q_OBJECT
public:
    SearchApp(AppServices &services, QWidget *parent = nullptr);
    ~SearchApp() override;

    int modelChoices() const;
    // A folder of .txt/.md files, or a table file and its text column. Opening one loads
    // the index kept for it, if any (sourceOpened when done).
    void setSource(const QString &path, const QString &column = {});
    QString statusText() const;
    const std::vector<SearchResult> &results() const { return m_results; }
    bool busy() const { return m_turn != 0; }

    // For the app's screenshot: the demo's topic sayings (<home>/demo/topics.jsonl)
    // indexed with the demo language model and searched; the "loading" property is true
    // until the results are shown.
    void showDemoSearch();

public Q_SLOTS:
    void startIndexing();
    void cancel();
    void search(const QString &query);
    // The passages closest to result `index` of the current list, from other documents.
    void moreLikeThis(int index);

Q_SIGNALS:
    void sourceOpened();
    void indexed();  // indexing ended (done, failed or cancelled)
    void searched(); // new results (or a failure) are shown

protected:
    void changeEvent(QEvent *event) override;

private:
    void chooseFolder();
    void chooseTable();
    void showResults(std::vector<SearchResult> results, const QString &heading);
    void updateButtons();
    void retranslate();

    AppServices &m_services;
    std::shared_ptr<SearchState> m_state;
    QString m_source;
    QString m_column;
    quint64 m_turn = 0;
    bool m_indexing = false;
    QString m_query;
    std::vector<SearchResult> m_results;
    QFutureWatcher<QString> m_opening;                      // loads a source's index; its status
    QFutureWatcher<QStringList> m_readingColumns;           // a chosen table's columns
    QFutureWatcher<std::vector<SearchResult>> m_similar;    // "more like this"

    NoticeBar *m_notice = nullptr;
    QLabel *m_modelLabel = nullptr;
    RegisteredModelBox *m_model = nullptr;
    QLabel *m_sourceLabel = nullptr;
    QLabel *m_sourcePath = nullptr;
    QPushButton *m_folder = nullptr;
    QPushButton *m_table = nullptr;
    QLabel *m_columnLabel = nullptr;
    QComboBox *m_columns = nullptr;
    QPushButton *m_index = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLineEdit *m_queryField = nullptr;
    QPushButton *m_searchButton = nullptr;
    QTextBrowser *m_view = nullptr;
};

} // namespace llmos
