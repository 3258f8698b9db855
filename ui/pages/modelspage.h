#pragma once

#include <QSet>
#include <QString>

#include <functional>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace llmos {

class ModelActions;
class ModelDetailsPane;
class ModelEmptyState;
class ModelFilterBar;
class ModelLibrary;
class ModelOperations;
class ModelTableModel;
class NoMatchState;
class NoticeBar;
class TaskRunner;
struct ModelDetails;
struct ModelList;

// The model browser: every registered model in a table or as cards, with a search field
// and filters, a details pane (card, configuration, files, tags, lineage), and the
// actions Import, Export and Delete. It composes those parts and keeps them in step:
// the filters ask the ModelLibrary for a list, the selection asks for details, a write
// re-queries both. Nothing here waits for the registry: answers arrive as signals.
//
// With no model registered it is the first-run empty state; with filters that leave
// nothing it says so and offers to clear them. Until the first answer arrives the
// `loading` property is true (screenshots wait for it).
class ModelsPage : public QWidget {
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading)
public:
    enum class State { Loading, Empty, NoMatch, Browsing };

    explicit ModelsPage(ModelLibrary &library, QWidget *parent = nullptr);

    // Imports folders or files (dropped on the window, or chosen with Import…) with a
    // progress dialog; the first model imported is selected.
    void importPaths(const QStringList &paths);
    // Selects a model by id, clearing the filters first when they hide it.
    void selectModel(const QString &id);
    QString selectedId() const;

    bool isLoading() const { return m_state == State::Loading; }
    State state() const { return m_state; }

    ModelTableModel *tableModel() const { return m_model; }
    QTableView *table() const { return m_table; }
    QListView *cards() const { return m_cards; }
    ModelFilterBar *filterBar() const { return m_filters; }
    ModelDetailsPane *detailsPane() const { return m_details; }
    ModelActions *actions() const { return m_actions; }
    NoticeBar *noticeBar() const { return m_notice; }

    // Says why a model cannot be deleted now (the window's API server offers it), or
    // nothing when it can; asked before the delete dialog opens.
    using DeletionGuard = std::function<QString(const QString &name)>;
    void setDeletionGuard(DeletionGuard guard) { m_deletionGuard = std::move(guard); }

    // For `llmos --screenshot` (PageScreenshots calls these by name): the other views
    // worth a picture - "cards", "tensors", "files", "lineage" - while models are shown, and a way to show
    // each; "" puts the page back as it was.
    Q_INVOKABLE QStringList screenshotVariants() const;
    Q_INVOKABLE void showScreenshotVariant(const QString &variant);

Q_SIGNALS:
    // Folders or files chosen with Import…; MainWindow routes them, with drops, back to
    // importPaths().
    void importRequested(const QStringList &paths);
    // Fine-tune… on the selected model.
    void fineTuneRequested(const QString &modelId);
    // Open in playground on the selected model (its registered name).
    void playgroundRequested(const QString &modelName);
    // A list answer was applied to the views (tests time the browser with it).
    void listShown();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildBrowser();
    void refresh();
    void requery();
    void showList(const ModelList &list);
    void showListFailure(const QString &reason);
    void showRegistryDamaged(const QString &reason);
    void updateCount();
    void showDetails(const ModelDetails &details);
    void setState(State state);
    void restoreSelection();
    void selectRow(int row);
    void currentChanged();
    void updateActions();
    void showCardsView(bool cards);
    void deleteCurrent();
    void exportCurrent();
    void checkCurrentFiles();
    void buildDemo();
    void retranslate();

    ModelLibrary &m_library;
    ModelActions *m_actions = nullptr;
    ModelOperations *m_operations = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_count = nullptr;
    NoticeBar *m_notice = nullptr;
    QStackedWidget *m_states = nullptr;
    ModelEmptyState *m_empty = nullptr;
    QSplitter *m_splitter = nullptr;
    ModelFilterBar *m_filters = nullptr;
    QStackedWidget *m_views = nullptr;
    QTableView *m_table = nullptr;
    QListView *m_cards = nullptr;
    NoMatchState *m_noMatch = nullptr;
    ModelDetailsPane *m_details = nullptr;
    ModelTableModel *m_model = nullptr;
    TaskRunner *m_demoTask = nullptr; // while the demo models are being built
    DeletionGuard m_deletionGuard;

    State m_state = State::Loading;
    QString m_currentId;          // the selected model, kept across re-queries
    QString m_pendingId;          // to select when the next list holds it (after an import, a lineage click)
    std::size_t m_shown = 0;      // rows of the last list
    std::size_t m_registered = 0; // models in the registry then
    bool m_narrowed = false;      // whether filters were set
    bool m_detailsStale = false;  // re-read the selected model's details after a write
    QSet<QString> m_checkedInPlace; // in-place models checked on their own this session
};

} // namespace llmos
