#include "pages/modelspage.h"

#include "models/modelactions.h"
#include "models/modelcarddelegate.h"
#include "models/modeldetailspane.h"
#include "models/modelemptystate.h"
#include "models/modelevaluations.h"
#include "models/modelfilterbar.h"
#include "models/modellibrary.h"
#include "models/modeloperations.h"
#include "models/modeltablemodel.h"
#include "models/nomatchstate.h"
#include "tasks/taskrunner.h"
#include "widgets/noticebar.h"
#include "widgets/pageheading.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace llmos {

namespace {

enum StatePage { EmptyPage, BrowserPage };
enum ViewPage { TablePage, CardsPage, NoMatchPage };

// Widths that fit typical values ("LlamaForCausalLM", "1.1B", "2.3 GiB") at the default
// font; measured once rather than with ResizeToContents, which would read every row.
constexpr std::pair<int, int> kColumnWidths[] = {
    {ModelTableModel::Name, 200},      {ModelTableModel::Family, 64}, {ModelTableModel::Architecture, 150},
    {ModelTableModel::Parameters, 84}, {ModelTableModel::DType, 76},  {ModelTableModel::Context, 66},
    {ModelTableModel::Size, 80},       {ModelTableModel::Origin, 86}, {ModelTableModel::Tags, 120},
};

} // namespace

ModelsPage::ModelsPage(ModelLibrary &library, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
{
    m_actions = new ModelActions(this);
    m_operations = new ModelOperations(library, this);
    m_model = new ModelTableModel(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 12);
    layout->setSpacing(12);
    auto *header = new QHBoxLayout;
    header->setSpacing(14);
    m_heading = new PageHeading(this);
    header->addWidget(m_heading, 0, Qt::AlignBaseline);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("modelCount"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(m_count, 0, Qt::AlignBaseline);
    header->addStretch(1);
    header->addWidget(m_actions->makeToolBar(this));
    layout->addLayout(header);
    m_notice = new NoticeBar(this);
    layout->addWidget(m_notice);

    m_states = new QStackedWidget(this);
    m_empty = new ModelEmptyState(m_actions->importMenu(), m_states);
    m_states->addWidget(m_empty);
    m_states->addWidget(buildBrowser());
    m_states->setCurrentIndex(BrowserPage); // while loading: an empty table, not "no models yet"
    layout->addWidget(m_states, 1);

    connect(&library, &ModelLibrary::listReady, this, &ModelsPage::showList);
    connect(&library, &ModelLibrary::listFailed, this, &ModelsPage::showListFailure);
    connect(&library, &ModelLibrary::registryDamaged, this, &ModelsPage::showRegistryDamaged);
    connect(&library, &ModelLibrary::registryRecovered, m_notice,
            [this](const QStringList &notes) { m_notice->showInfo(notes.join(QLatin1Char('\n'))); });
    connect(&library, &ModelLibrary::filesChecked, m_details, &ModelDetailsPane::showFileCheck);
    connect(&library, &ModelLibrary::detailsReady, this, &ModelsPage::showDetails);
    connect(&library, &ModelLibrary::detailsFailed, this, [this](const QString &reason) {
        m_details->showFailure(reason);
        updateActions();
    });
    connect(&library, &ModelLibrary::facetsReady, m_filters, &ModelFilterBar::setFacets);
    connect(&library, &ModelLibrary::writeFailed, m_notice, [this](const QString &reason) { m_notice->showError(reason); });
    connect(&library, &ModelLibrary::modelsChanged, this, &ModelsPage::refresh);
    connect(&library, &ModelLibrary::modelsImported, this,
            [this](const QStringList &ids) { m_pendingId = ids.first(); });

    connect(m_actions->importFolder(), &QAction::triggered, m_operations, &ModelOperations::chooseFolderToImport);
    connect(m_actions->importFile(), &QAction::triggered, m_operations, &ModelOperations::chooseFileToImport);
    connect(m_operations, &ModelOperations::importRequested, this, &ModelsPage::importRequested);
    connect(m_operations, &ModelOperations::notice, m_notice, &NoticeBar::showInfo);
    connect(m_operations, &ModelOperations::warning, m_notice, [this](const QString &text) { m_notice->showError(text); });
    connect(m_actions->exportModel(), &QAction::triggered, this, &ModelsPage::exportCurrent);
    connect(m_actions->deleteModel(), &QAction::triggered, this, &ModelsPage::deleteCurrent);
    connect(m_actions->checkFiles(), &QAction::triggered, this, &ModelsPage::checkCurrentFiles);
    connect(m_actions->fineTune(), &QAction::triggered, this, [this] { Q_EMIT fineTuneRequested(m_currentId); });
    connect(m_actions->evaluate(), &QAction::triggered, this, [this] {
        if (const ModelRecord *model = m_model->record(m_model->rowOf(m_currentId)))
            m_operations->evaluate(*model);
    });
    connect(m_actions->quantize(), &QAction::triggered, this, [this] {
        if (const ModelRecord *model = m_model->record(m_model->rowOf(m_currentId)))
            m_operations->quantize(*model);
    });
    connect(m_actions->openInPlayground(), &QAction::triggered, this, [this] {
        if (const ModelRecord *model = m_model->record(m_model->rowOf(m_currentId)))
            Q_EMIT playgroundRequested(QString::fromStdString(model->name));
    });
    connect(m_actions->rebuildRegistry(), &QAction::triggered, m_operations, &ModelOperations::rebuildRegistry);
    m_details->setCheckFilesAction(m_actions->checkFiles());
    m_details->evaluations()->setRegistryHome(library.home());
    connect(m_actions->showCards(), &QAction::toggled, this, &ModelsPage::showCardsView);

    connect(m_details, &ModelDetailsPane::addTagRequested, &library, &ModelLibrary::addTag);
    connect(m_details, &ModelDetailsPane::removeTagRequested, &library, &ModelLibrary::removeTag);
    connect(m_details, &ModelDetailsPane::modelActivated, this, &ModelsPage::selectModel);
    connect(m_empty, &ModelEmptyState::demoRequested, this, &ModelsPage::buildDemo);

    retranslate();
    refresh();
}

void ModelsPage::buildDemo()
{
    if (m_demoTask)
        return;
    m_demoTask = m_library.buildDemo(this);
    m_empty->setDemoRunning(true);
    connect(m_empty, &ModelEmptyState::demoCancelRequested, m_demoTask, &TaskRunner::cancel);
    connect(m_demoTask, &TaskRunner::statusChanged, m_empty,
            [this](const QString &status) { m_empty->setDemoProgress(m_demoTask->progress(), status); });
    connect(m_demoTask, &TaskRunner::progressChanged, m_empty,
            [this](double fraction) { m_empty->setDemoProgress(fraction, m_demoTask->status()); });
    connect(m_demoTask, &TaskRunner::failed, m_notice,
            [this](const QString &reason) { m_notice->showError(tr("The demo models could not be built: %1").arg(reason)); });
    connect(m_demoTask, &TaskRunner::finished, this, [this] {
        m_empty->setDemoRunning(false);
        m_demoTask->deleteLater();
        m_demoTask = nullptr;
    });
    m_demoTask->start();
}

QWidget *ModelsPage::buildBrowser()
{
    // The filters span the page above the list and the details, so both keep their width.
    auto *browser = new QWidget(m_states);
    auto *browserLayout = new QVBoxLayout(browser);
    browserLayout->setContentsMargins(0, 0, 0, 0);
    browserLayout->setSpacing(10);
    m_filters = new ModelFilterBar(browser);
    browserLayout->addWidget(m_filters);
    m_splitter = new QSplitter(Qt::Horizontal, browser);
    m_splitter->setChildrenCollapsible(false);
    browserLayout->addWidget(m_splitter, 1);
    m_views = new QStackedWidget(m_splitter);

    m_table = new QTableView(m_views);
    m_table->setObjectName(QStringLiteral("modelTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    for (const auto &[column, width] : kColumnWidths)
        m_table->setColumnWidth(column, width);
    m_table->setSortingEnabled(true); // header clicks call ModelTableModel::sort
    m_table->sortByColumn(ModelTableModel::Name, Qt::AscendingOrder);
    m_views->addWidget(m_table);

    m_cards = new QListView(m_views);
    m_cards->setObjectName(QStringLiteral("modelCards"));
    m_cards->setModel(m_model);
    // One selection for both views: switching keeps the selected model.
    QItemSelectionModel *own = m_cards->selectionModel();
    m_cards->setSelectionModel(m_table->selectionModel());
    delete own;
    m_cards->setViewMode(QListView::IconMode);
    m_cards->setMovement(QListView::Static);
    m_cards->setResizeMode(QListView::Adjust);
    m_cards->setWrapping(true);
    m_cards->setUniformItemSizes(true); // 10,000 cards lay out without measuring each
    m_cards->setSelectionMode(QAbstractItemView::SingleSelection);
    m_cards->setGridSize(ModelCardDelegate::kCardSize);
    m_cards->setItemDelegate(new ModelCardDelegate(m_cards));
    m_cards->setMouseTracking(true);
    m_cards->setSpacing(0);
    m_views->addWidget(m_cards);

    m_noMatch = new NoMatchState(m_views);
    m_views->addWidget(m_noMatch);

    m_details = new ModelDetailsPane(m_splitter);
    m_splitter->addWidget(m_views);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({560, 440}); // the details need room for their five tabs

    auto *contextMenu = m_actions->makeContextMenu(this);
    for (QAbstractItemView *view :
         {static_cast<QAbstractItemView *>(m_table), static_cast<QAbstractItemView *>(m_cards)}) {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this, [this, view, contextMenu](const QPoint &at) {
            const QModelIndex index = view->indexAt(at);
            if (!index.isValid())
                return;
            selectRow(index.row());
            contextMenu->popup(view->viewport()->mapToGlobal(at));
        });
    }
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ModelsPage::currentChanged);
    connect(m_filters, &ModelFilterBar::changed, this, &ModelsPage::requery);
    connect(m_noMatch, &NoMatchState::clearRequested, m_filters, &ModelFilterBar::clear);
    return browser;
}

void ModelsPage::importPaths(const QStringList &paths)
{
    m_notice->hide();
    m_operations->importPaths(paths);
}

void ModelsPage::selectModel(const QString &id)
{
    if (const int row = m_model->rowOf(id); row >= 0) {
        selectRow(row);
        return;
    }
    // Not among the rows: the filters hide it, or the list is not up to date yet.
    m_pendingId = id;
    if (m_filters->narrows())
        m_filters->clear(); // changed() re-queries
    else
        requery();
}

QString ModelsPage::selectedId() const
{
    return m_currentId;
}

void ModelsPage::refresh()
{
    m_detailsStale = true; // a write may have changed the selected model's tags or lineage
    m_library.requestFacets();
    requery();
}

void ModelsPage::requery()
{
    m_library.requestList(m_filters->filter());
}

void ModelsPage::showList(const ModelList &list)
{
    m_model->setModels(list.models);
    m_shown = list.models->size();
    m_registered = list.registered;
    m_narrowed = list.filter.narrows();
    updateCount();
    if (m_registered == 0)
        setState(State::Empty);
    else if (m_shown == 0)
        setState(State::NoMatch);
    else
        setState(State::Browsing);
    restoreSelection();
    Q_EMIT listShown();
}

void ModelsPage::updateCount()
{
    const QLocale locale;
    m_count->setText(m_narrowed ? tr("%1 of %2 models")
                                      .arg(locale.toString(static_cast<qulonglong>(m_shown)),
                                           locale.toString(static_cast<qulonglong>(m_registered)))
                                : tr("%n model(s)", "", static_cast<int>(m_registered)));
    m_count->setVisible(m_registered > 0);
}

void ModelsPage::showListFailure(const QString &reason)
{
    m_notice->showError(tr("The model registry could not be read: %1").arg(reason));
    if (m_state == State::Loading)
        setState(State::Browsing);
}

void ModelsPage::showRegistryDamaged(const QString &reason)
{
    m_notice->showError(tr("The model registry's database is damaged: %1\nYour models' files are safe; the "
                           "registry can be rebuilt from the manifests stored with them.")
                            .arg(reason),
                        m_actions->rebuildRegistry());
    if (m_state == State::Loading)
        setState(State::Browsing);
}

void ModelsPage::restoreSelection()
{
    int row = -1;
    if (!m_pendingId.isEmpty()) {
        row = m_model->rowOf(m_pendingId);
        if (row >= 0) {
            m_pendingId.clear();
        } else if (m_filters->narrows()) {
            m_filters->clear(); // the model asked for is hidden: show everything, then select it
            return;
        } else {
            m_pendingId.clear(); // gone meanwhile
        }
    }
    if (row < 0 && !m_currentId.isEmpty())
        row = m_model->rowOf(m_currentId);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0; // something is always selected, so the details pane is never idle
    selectRow(row);
}

void ModelsPage::selectRow(int row)
{
    QItemSelectionModel *selection = m_table->selectionModel();
    if (row < 0) {
        selection->clear();
        currentChanged();
        return;
    }
    const QModelIndex index = m_model->index(row, 0);
    if (selection->currentIndex().row() == row && selection->isRowSelected(row)) {
        currentChanged(); // same row: currentRowChanged will not fire, but the list is new
    } else {
        selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_table->scrollTo(index);
    m_cards->scrollTo(index);
}

void ModelsPage::currentChanged()
{
    const ModelRecord *model = m_model->record(m_table->selectionModel()->currentIndex().row());
    const QString id = model ? QString::fromStdString(model->id) : QString();
    m_currentId = id;
    if (id.isEmpty()) {
        m_details->clear();
    } else if (m_detailsStale || id != m_details->modelId()) {
        m_detailsStale = false;
        m_details->showLoading(id);
        m_library.requestDetails(id);
    }
    updateActions();
}

void ModelsPage::showDetails(const ModelDetails &details)
{
    if (QString::fromStdString(details.model.id) != m_currentId)
        return; // the selection moved on while it was read
    m_details->showDetails(details);
    updateActions();
    // Files used in place can change behind the registry's back: check them (quietly, on
    // a worker) the first time such a model is shown; a change shows as its status.
    if (details.model.inPlace && !m_checkedInPlace.contains(m_currentId)) {
        m_checkedInPlace.insert(m_currentId);
        m_operations->checkFilesQuietly(details.model);
    }
}

void ModelsPage::updateActions()
{
    const ModelRecord *model = m_model->record(m_model->rowOf(m_currentId));
    m_actions->setCurrentModel(model, m_details->hasDetails() && m_details->modelId() == m_currentId);
}

void ModelsPage::setState(State state)
{
    m_state = state;
    m_states->setCurrentIndex(state == State::Empty ? EmptyPage : BrowserPage);
    if (state == State::NoMatch)
        m_views->setCurrentIndex(NoMatchPage);
    else
        m_views->setCurrentIndex(m_actions->showCards()->isChecked() ? CardsPage : TablePage);
    // Table/Cards mean nothing without models.
    m_actions->showTable()->setVisible(state != State::Empty);
    m_actions->showCards()->setVisible(state != State::Empty);
}

void ModelsPage::showCardsView(bool cards)
{
    if (m_state != State::NoMatch)
        m_views->setCurrentIndex(cards ? CardsPage : TablePage);
    if (const QModelIndex current = m_table->selectionModel()->currentIndex(); current.isValid())
        (cards ? static_cast<QAbstractItemView *>(m_cards) : m_table)->scrollTo(current);
}

void ModelsPage::exportCurrent()
{
    if (const ModelRecord *model = m_model->record(m_model->rowOf(m_currentId)))
        m_operations->exportModel(*model);
}

void ModelsPage::checkCurrentFiles()
{
    if (const ModelRecord *model = m_model->record(m_model->rowOf(m_currentId)))
        m_operations->checkFiles(*model);
}

void ModelsPage::deleteCurrent()
{
    // The dialog lists what the deletion would orphan, from the lineage the details hold.
    if (!m_details->hasDetails() || m_details->modelId() != m_currentId)
        return;
    const auto &model = m_details->details().model;
    if (m_deletionGuard) {
        if (const auto why = m_deletionGuard(QString::fromStdString(model.name)); !why.isEmpty()) {
            m_notice->showError(why);
            return;
        }
    }
    m_operations->deleteModel(model, m_details->details().lineage);
}

QStringList ModelsPage::screenshotVariants() const
{
    if (m_state != State::Browsing)
        return {};
    return {QStringLiteral("cards"), QStringLiteral("tensors"), QStringLiteral("files"), QStringLiteral("lineage")};
}

void ModelsPage::showScreenshotVariant(const QString &variant)
{
    const bool cards = variant == QLatin1String("cards");
    (cards ? m_actions->showCards() : m_actions->showTable())->setChecked(true);
    m_details->tabs()->setCurrentIndex(variant == QLatin1String("lineage")   ? ModelDetailsPane::LineageTab
                                       : variant == QLatin1String("files")   ? ModelDetailsPane::FilesTab
                                       : variant == QLatin1String("tensors") ? ModelDetailsPane::TensorsTab
                                                                             : ModelDetailsPane::CardTab);
}

void ModelsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ModelsPage::retranslate()
{
    m_heading->setText(tr("Models"));
    m_actions->retranslate();
    m_model->retranslate();
    updateCount();
}

} // namespace llmos
