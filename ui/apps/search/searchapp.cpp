#include "apps/search/searchapp.h"

#include "apps/classify/texttable.h"
#include "apps/registeredmodelbox.h"
#include "text/semanticindex.h"
#include "util/error.h"
#include "widgets/noticebar.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <mutex>

namespace llmos {

// The index and what the last job left, shared with the jobs on their threads (they may
// outlive the app's page).
struct SearchState {
    std::mutex mutex;
    SemanticIndex index;
    std::string storage; // where the index of the current source is kept
    SemanticIndex::Update lastUpdate;
    std::vector<SearchResult> results;
};

namespace {

constexpr std::size_t kResults = 10;
constexpr int kMaxTableRows = 100000;
constexpr int kShownChars = 600;

// Each source (folder, or table and column) keeps its index in a folder of its own.
std::string storageFor(const std::string &home, const QString &source, const QString &column)
{
    const auto key = QCryptographicHash::hash((source + QLatin1Char('\n') + column).toUtf8(), QCryptographicHash::Sha1)
                         .toHex()
                         .left(16);
    return QDir(QString::fromStdString(home)).filePath(QStringLiteral("apps/search/") + QString::fromLatin1(key)).toStdString();
}

std::vector<SourceDocument> tableDocuments(const QString &path, const QString &column)
{
    const auto table = readTextTable(path, kMaxTableRows);
    if (!table.error.isEmpty())
        throw Error(ErrorKind::Format, path.toStdString(), table.error.toStdString());
    const auto at = table.columns.indexOf(column);
    if (at < 0)
        throw Error(ErrorKind::InvalidInput, path.toStdString(), "has no column \"" + column.toStdString() + "\"");
    const auto name = QFileInfo(path).fileName().toStdString();
    std::vector<SourceDocument> documents;
    for (std::size_t i = 0; i < table.rows.size(); ++i)
        if (at < table.rows[i].size())
            documents.push_back({name, static_cast<std::int64_t>(i + 1), table.rows[i][at].toStdString()});
    return documents;
}

SearchResult resultOf(const SemanticIndex &index, const SemanticSearchHit &hit)
{
    const auto &passage = index.passages()[hit.passage];
    return {hit.passage, QString::fromStdString(passage.document), passage.row, QString::fromStdString(passage.text),
            hit.score};
}

// How a query word is found in a passage: as a whole word, case-insensitive ("and" not
// inside "standards"); a word of a script without spaces (Chinese) wherever it occurs.
QRegularExpression termPattern(const QString &term)
{
    static const QRegularExpression spacedWord(QStringLiteral("^[\\p{Latin}\\p{Cyrillic}\\p{Greek}\\d_'-]+$"));
    const auto escaped = QRegularExpression::escape(term);
    return QRegularExpression(spacedWord.match(term).hasMatch() ? QStringLiteral("\\b") + escaped + QStringLiteral("\\b")
                                                                : escaped,
                              QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

// The passage as HTML with the query's words marked, cut to a readable length around the
// first match.
QString highlighted(QString text, const QStringList &terms)
{
    std::vector<QRegularExpression> patterns;
    for (const auto &term : terms)
        patterns.push_back(termPattern(term));
    int first = -1;
    for (const auto &pattern : patterns)
        if (const int at = int(text.indexOf(pattern)); at >= 0 && (first < 0 || at < first))
            first = at;
    if (text.size() > kShownChars) {
        const int start = std::max(0, std::min<int>(first - kShownChars / 3, int(text.size()) - kShownChars));
        text = (start > 0 ? QStringLiteral("…") : QString()) + text.mid(start, kShownChars) +
               (start + kShownChars < text.size() ? QStringLiteral("…") : QString());
    }
    std::vector<std::pair<int, int>> marks; // [begin, end)
    for (const auto &pattern : patterns)
        for (auto matches = pattern.globalMatch(text); matches.hasNext();) {
            const auto match = matches.next();
            marks.emplace_back(int(match.capturedStart()), int(match.capturedEnd()));
        }
    std::sort(marks.begin(), marks.end());
    QString html;
    int done = 0;
    for (const auto &[begin, end] : marks) {
        if (begin < done)
            continue; // overlaps the previous mark
        html += text.mid(done, begin - done).toHtmlEscaped();
        html += QStringLiteral("<span style=\"background-color:#fde68a\">") + text.mid(begin, end - begin).toHtmlEscaped() +
                QStringLiteral("</span>");
        done = end;
    }
    html += text.mid(done).toHtmlEscaped();
    return html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

SearchApp::SearchApp(AppServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_state(std::make_shared<SearchState>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notice = new NoticeBar(this);
    layout->addWidget(m_notice);

    auto *modelRow = new QHBoxLayout;
    m_modelLabel = new QLabel;
    m_model = new RegisteredModelBox(services.home, AppModelKind::Embedding);
    m_model->setObjectName(QStringLiteral("searchModel"));
    modelRow->addWidget(m_modelLabel);
    modelRow->addWidget(m_model);
    modelRow->addStretch(1);
    layout->addLayout(modelRow);

    auto *sourceRow = new QHBoxLayout;
    m_sourceLabel = new QLabel;
    m_sourcePath = new QLabel;
    m_sourcePath->setObjectName(QStringLiteral("searchSource"));
    m_sourcePath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_folder = new QPushButton;
    m_table = new QPushButton;
    m_columnLabel = new QLabel;
    m_columns = new QComboBox;
    m_columns->setObjectName(QStringLiteral("searchColumn"));
    m_index = new QPushButton;
    m_index->setObjectName(QStringLiteral("searchIndex"));
    m_cancel = new QPushButton;
    sourceRow->addWidget(m_sourceLabel);
    sourceRow->addWidget(m_sourcePath, 1);
    sourceRow->addWidget(m_folder);
    sourceRow->addWidget(m_table);
    sourceRow->addWidget(m_columnLabel);
    sourceRow->addWidget(m_columns);
    sourceRow->addWidget(m_index);
    sourceRow->addWidget(m_cancel);
    layout->addLayout(sourceRow);

    m_progress = new QProgressBar;
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    auto *queryRow = new QHBoxLayout;
    m_queryField = new QLineEdit;
    m_queryField->setObjectName(QStringLiteral("searchQuery"));
    m_searchButton = new QPushButton;
    m_searchButton->setObjectName(QStringLiteral("searchRun"));
    queryRow->addWidget(m_queryField, 1);
    queryRow->addWidget(m_searchButton);
    layout->addLayout(queryRow);
    m_view = new QTextBrowser;
    m_view->setObjectName(QStringLiteral("searchResults"));
    m_view->setOpenLinks(false);
    layout->addWidget(m_view, 1);

    connect(m_folder, &QPushButton::clicked, this, &SearchApp::chooseFolder);
    connect(m_table, &QPushButton::clicked, this, &SearchApp::chooseTable);
    connect(m_index, &QPushButton::clicked, this, &SearchApp::startIndexing);
    connect(m_cancel, &QPushButton::clicked, this, &SearchApp::cancel);
    connect(m_searchButton, &QPushButton::clicked, this, [this] { search(m_queryField->text()); });
    connect(m_queryField, &QLineEdit::returnPressed, this, [this] { search(m_queryField->text()); });
    connect(m_view, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("more"))
            moreLikeThis(url.path().toInt());
    });
    connect(m_columns, &QComboBox::activated, this, [this] { setSource(m_source, m_columns->currentText()); });
    connect(m_model, &RegisteredModelBox::loaded, this, [this](int count) {
        if (count == 0)
            m_notice->showInfo(tr("No model is registered yet. Import an embedding model (a sentence-transformers "
                                  "folder) on the Models page, or make the demo models."));
        updateButtons();
    });
    connect(&m_readingColumns, &QFutureWatcher<QStringList>::finished, this, [this] {
        const auto columns = m_readingColumns.result();
        m_columns->clear();
        m_columns->addItems(columns);
        if (columns.isEmpty()) {
            m_notice->showError(tr("The file has no columns to read text from."));
            return;
        }
        const int text = columns.indexOf(QStringLiteral("text"));
        m_columns->setCurrentIndex(std::max(0, text));
        setSource(m_source, m_columns->currentText());
    });
    connect(&m_opening, &QFutureWatcher<QString>::finished, this, [this] {
        m_status->setText(m_opening.result());
        updateButtons();
        Q_EMIT sourceOpened();
    });
    connect(&m_similar, &QFutureWatcher<std::vector<SearchResult>>::finished, this, [this] {
        showResults(m_similar.result(), tr("More like this"));
    });

    auto &inference = services.inference;
    connect(&inference, &AppInference::workProgress, this, [this](quint64 turn, int done, int total) {
        if (turn != m_turn)
            return;
        m_progress->setMaximum(std::max(total, 1));
        m_progress->setValue(done);
    });
    connect(&inference, &AppInference::workFinished, this, [this](quint64 turn) {
        if (turn != m_turn)
            return;
        m_turn = 0;
        m_progress->setVisible(false);
        std::lock_guard lock(m_state->mutex);
        if (m_indexing) {
            const auto &u = m_state->lastUpdate;
            m_status->setText(tr("%n passage(s) from %1 document(s) indexed: %2 embedded, %3 kept from before.", nullptr,
                                 int(u.passages))
                                  .arg(u.documents)
                                  .arg(u.embedded)
                                  .arg(u.reused));
            updateButtons();
            Q_EMIT indexed();
            return;
        }
        auto results = m_state->results;
        updateButtons();
        showResults(std::move(results), tr("Results for “%1”").arg(m_query));
    });
    connect(&inference, &AppInference::turnFailed, this, [this](quint64 turn, const QString &reason) {
        if (turn != m_turn)
            return;
        m_turn = 0;
        m_progress->setVisible(false);
        m_notice->showError(m_indexing ? tr("Indexing stopped: %1").arg(reason) : tr("The search failed: %1").arg(reason));
        updateButtons();
        Q_EMIT(m_indexing ? indexed() : searched());
    });
    retranslate();
    updateButtons();
}

SearchApp::~SearchApp()
{
    if (m_turn)
        m_services.inference.cancel(m_turn);
    m_opening.waitForFinished();
    m_similar.waitForFinished();
    m_readingColumns.waitForFinished();
}

int SearchApp::modelChoices() const
{
    return m_model->count();
}

QString SearchApp::statusText() const
{
    return m_status->text();
}

void SearchApp::showDemoSearch()
{
    setProperty("loading", true);
    const auto table = QDir(QString::fromStdString(m_services.home)).filePath(QStringLiteral("demo/topics.jsonl"));
    auto run = [this, table] {
        if (m_model->findText(QStringLiteral("fortune-lm")) < 0 || !QFileInfo::exists(table)) {
            setProperty("loading", false); // no demo here: the empty app is the picture
            return;
        }
        m_model->setCurrentText(QStringLiteral("fortune-lm"));
        connect(this, &SearchApp::sourceOpened, this, &SearchApp::startIndexing, Qt::SingleShotConnection);
        connect(this, &SearchApp::indexed, this, [this] {
            m_queryField->setText(QStringLiteral("love and friendship")); // the demo data is English
            search(m_queryField->text());
        }, Qt::SingleShotConnection);
        connect(this, &SearchApp::searched, this, [this] { setProperty("loading", false); }, Qt::SingleShotConnection);
        setSource(table, QStringLiteral("text"));
    };
    if (m_model->count() > 0)
        run();
    else
        connect(m_model, &RegisteredModelBox::loaded, this, run, Qt::SingleShotConnection);
}

void SearchApp::chooseFolder()
{
    const auto folder = QFileDialog::getExistingDirectory(this, tr("A folder of text files to search"));
    if (!folder.isEmpty())
        setSource(folder);
}

void SearchApp::chooseTable()
{
    const auto path = QFileDialog::getOpenFileName(this, tr("A table of texts to search"), QString(),
                                                   tr("Tables (*.csv *.tsv *.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    m_source = path;
    m_readingColumns.setFuture(QtConcurrent::run([path] { return readTextTable(path, 1).columns; }));
}

void SearchApp::setSource(const QString &path, const QString &column)
{
    m_source = path;
    m_column = column;
    m_sourcePath->setText(column.isEmpty() ? path : tr("%1, column %2").arg(path, column));
    m_columns->setVisible(!column.isEmpty());
    m_columnLabel->setVisible(!column.isEmpty());
    if (!column.isEmpty() && m_columns->findText(column) < 0)
        m_columns->addItem(column);
    m_columns->setCurrentText(column);
    m_results.clear();
    m_view->clear();
    m_status->setText(tr("Opening…"));
    const auto storage = storageFor(m_services.home, path, column);
    m_opening.setFuture(QtConcurrent::run([state = m_state, storage] {
        try {
            auto index = SemanticIndex::load(storage);
            std::lock_guard lock(state->mutex);
            state->storage = storage;
            state->index = std::move(index);
            if (state->index.empty())
                return tr("Not indexed yet: choose a model and press Index.");
            return tr("An index of %n passage(s) is kept for this source; Index again to bring it up to date.", nullptr,
                      int(state->index.passages().size()));
        } catch (const std::exception &error) {
            std::lock_guard lock(state->mutex);
            state->storage = storage;
            state->index = SemanticIndex();
            return tr("The kept index could not be read (%1); Index to make it again.").arg(QString::fromUtf8(error.what()));
        }
    }));
    updateButtons();
}

void SearchApp::startIndexing()
{
    if (m_turn || m_source.isEmpty() || m_model->currentText().isEmpty() || m_opening.isRunning())
        return;
    m_indexing = true;
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_status->setText(tr("Reading and embedding…"));
    m_turn = m_services.inference.startEmbeddingWork(
        m_model->currentText(), [state = m_state, source = m_source, column = m_column](const EmbeddingContext &context) {
            const auto documents =
                column.isEmpty() ? readTextFolder(source.toStdString()) : tableDocuments(source, column);
            std::unique_lock lock(state->mutex);
            auto index = state->index; // updated aside: a cancel leaves the kept index as it was
            const auto storage = state->storage;
            lock.unlock();
            const auto update = index.update(documents, context.modelId, context.embed,
                                             [&context](std::size_t done, std::size_t total) {
                                                 context.progress(int(done), int(total));
                                                 return !context.stop.stop_requested();
                                             });
            index.save(storage);
            lock.lock();
            state->index = std::move(index);
            state->lastUpdate = update;
        });
    updateButtons();
}

void SearchApp::cancel()
{
    if (m_turn)
        m_services.inference.cancel(m_turn);
}

void SearchApp::search(const QString &query)
{
    if (m_turn || query.trimmed().isEmpty() || m_model->currentText().isEmpty())
        return;
    m_indexing = false;
    m_query = query.trimmed();
    m_turn = m_services.inference.startEmbeddingWork(
        m_model->currentText(), [state = m_state, query = m_query.toStdString()](const EmbeddingContext &context) {
            std::lock_guard lock(state->mutex);
            if (state->index.empty())
                throw Error(ErrorKind::InvalidInput, "search", "nothing is indexed yet: press Index first");
            if (state->index.modelId() != context.modelId)
                throw Error(ErrorKind::InvalidInput, "search",
                            "the index was made with another model; search with that model or index again");
            const auto vector = context.embed({query}).front();
            state->results.clear();
            for (const auto &hit : state->index.search(vector, kResults))
                state->results.push_back(resultOf(state->index, hit));
        });
    updateButtons();
}

void SearchApp::moreLikeThis(int index)
{
    if (index < 0 || index >= int(m_results.size()) || m_similar.isRunning())
        return;
    const auto passage = m_results[std::size_t(index)].passage;
    m_query.clear();
    m_similar.setFuture(QtConcurrent::run([state = m_state, passage] {
        std::lock_guard lock(state->mutex);
        std::vector<SearchResult> results;
        if (passage < state->index.passages().size())
            for (const auto &hit : state->index.similarTo(passage, kResults))
                results.push_back(resultOf(state->index, hit));
        return results;
    }));
}

void SearchApp::showResults(std::vector<SearchResult> results, const QString &heading)
{
    m_results = std::move(results);
    const auto terms = m_query.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QString html = QStringLiteral("<h3>%1</h3>").arg(heading.toHtmlEscaped());
    if (m_results.empty())
        html += QStringLiteral("<p>%1</p>").arg(tr("Nothing found.").toHtmlEscaped());
    for (std::size_t i = 0; i < m_results.size(); ++i) {
        const auto &r = m_results[i];
        const auto where = r.row >= 0 ? tr("%1, row %2").arg(r.document).arg(r.row) : r.document;
        html += QStringLiteral("<p><b>%1</b> &nbsp; <span style=\"color:#6b7280\">%2</span> &nbsp; "
                               "<a href=\"more:%3\">%4</a><br>%5</p>")
                    .arg(where.toHtmlEscaped(), tr("similarity %1").arg(r.score, 0, 'f', 3))
                    .arg(i)
                    .arg(tr("More like this").toHtmlEscaped(), highlighted(r.text, terms));
    }
    m_view->setHtml(html);
    Q_EMIT searched();
}

void SearchApp::updateButtons()
{
    const bool idle = m_turn == 0;
    const bool haveModel = !m_model->currentText().isEmpty();
    m_index->setEnabled(idle && haveModel && !m_source.isEmpty() && !m_opening.isRunning());
    m_cancel->setVisible(!idle && m_indexing);
    m_searchButton->setEnabled(idle && haveModel && !m_source.isEmpty());
    m_folder->setEnabled(idle);
    m_table->setEnabled(idle);
}

void SearchApp::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SearchApp::retranslate()
{
    m_modelLabel->setText(tr("Model:"));
    m_model->setToolTip(tr("An embedding model turns each passage into a vector; a language model works too, less "
                           "well."));
    m_sourceLabel->setText(tr("Search in:"));
    if (m_source.isEmpty())
        m_sourcePath->setText(tr("no folder or table chosen"));
    m_folder->setText(tr("Folder…"));
    m_table->setText(tr("Table…"));
    m_columnLabel->setText(tr("Column:"));
    m_index->setText(tr("Index"));
    m_index->setToolTip(tr("Embed the passages (only new or changed text when an index is kept)"));
    m_cancel->setText(tr("Cancel"));
    m_queryField->setPlaceholderText(tr("Ask in your own words; results are ranked by meaning, not by exact words"));
    m_searchButton->setText(tr("Search"));
}

} // namespace llmos
