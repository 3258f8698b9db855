#pragma once

#include "models/modeldetails.h"
#include "registry/registryreports.h"

#include <QWidget>

#include <array>

class QAction;
class QFormLayout;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace llmos {
class ModelEvaluations;
}
class QToolButton;

namespace llmos {

class LineageView;
class ModelCardBrowser;
class ModelFileList;
class ModelTensorList;
class TagEditor;

// The right side of the model browser: the selected model's name and summary, its tags
// (edited in place), and tabs for the model card, the configuration, the tensors, the
// files with their hashes (and what the last check of them found), and the lineage graph. It shows what it is given and asks for changes
// through signals; the page talks to the registry.
class ModelDetailsPane : public QWidget {
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading)
public:
    enum Tab { CardTab, ConfigurationTab, TensorsTab, FilesTab, LineageTab, EvaluationsTab };

    explicit ModelDetailsPane(QWidget *parent = nullptr);

    // The model whose details were asked for; they arrive with showDetails().
    void showLoading(const QString &id);
    void showDetails(const ModelDetails &details);
    void showFailure(const QString &reason);
    void clear();
    // What a check of the files of model `id` found; kept while that model is shown.
    void showFileCheck(const QString &id, const FileCheck &check);
    // The action the Files tab offers as its button.
    void setCheckFilesAction(QAction *action);

    bool isLoading() const { return m_loading; }
    // The id shown or being loaded; empty when nothing is selected.
    QString modelId() const { return m_id; }
    // Valid when hasDetails().
    const ModelDetails &details() const { return m_details; }
    bool hasDetails() const { return !m_loading && !m_details.model.id.empty(); }

    QTabWidget *tabs() const { return m_tabs; }
    TagEditor *tagEditor() const { return m_tags; }
    ModelCardBrowser *cardBrowser() const { return m_card; }
    ModelFileList *fileList() const { return m_files; }
    ModelTensorList *tensorList() const { return m_tensors; }
    LineageView *lineageView() const { return m_lineage; }
    ModelEvaluations *evaluations() const { return m_evaluations; }

Q_SIGNALS:
    void addTagRequested(const QString &id, const QString &tag);
    void removeTagRequested(const QString &id, const QString &tag);
    // A model in the lineage graph was clicked.
    void modelActivated(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum Fact {
        Id,
        Family,
        Architecture,
        Task,
        Parameters,
        DType,
        Context,
        Size,
        License,
        Format,
        Origin,
        Status,
        Storage,
        Source,
        Added,
        FactCount
    };

    QWidget *buildConfiguration();
    QWidget *buildFiles();
    QWidget *buildLineage();
    void fill();
    void retranslate();

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_warning = nullptr;
    TagEditor *m_tags = nullptr;
    QTabWidget *m_tabs = nullptr;
    ModelCardBrowser *m_card = nullptr;
    std::array<QLabel *, FactCount> m_captions{};
    std::array<QLabel *, FactCount> m_facts{};
    ModelTensorList *m_tensors = nullptr;
    ModelFileList *m_files = nullptr;
    QToolButton *m_checkFiles = nullptr;
    QLabel *m_noLineage = nullptr;
    LineageView *m_lineage = nullptr;
    ModelEvaluations *m_evaluations = nullptr;

    QString m_id;
    ModelDetails m_details;
    QString m_checkedId; // the model m_check belongs to
    FileCheck m_check;
    bool m_loading = false;
};

} // namespace llmos
