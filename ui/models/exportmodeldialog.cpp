#include "models/exportmodeldialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace llmos {

namespace {

constexpr int kDefaultShardMb = 5000; // save_pretrained's default, 5 GB
constexpr std::uint64_t kMb = 1'000'000;

struct GgufChoice {
    GgmlType type;
    const char *suffix;
};
constexpr GgufChoice kGgufTypes[] = {{GgmlType::F32, "f32"}, {GgmlType::F16, "f16"}, {GgmlType::Q8_0, "q8_0"}};

} // namespace

bool ExportModelDialog::canExportGguf(const ModelRecord &model)
{
    return model.format == ModelFormat::HuggingFace &&
           (model.family == "llama" || model.family == "mistral" || model.family == "qwen2");
}

ExportModelDialog::ExportModelDialog(const ModelRecord &model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
{
    setObjectName(QStringLiteral("exportModelDialog"));
    setWindowTitle(tr("Export %1").arg(QString::fromStdString(model.name)));
    setMinimumWidth(520);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    const bool fromGguf = model.format == ModelFormat::Gguf;
    m_huggingFace = new QRadioButton(fromGguf ? tr("Hugging Face folder (weights dequantized to safetensors, config, "
                                                   "tokenizer.json and chat template)")
                                              : tr("Hugging Face folder (safetensors, config and tokenizer)"),
                                     this);
    layout->addWidget(m_huggingFace);
    auto *hfOptions = new QFormLayout;
    hfOptions->setContentsMargins(24, 0, 0, 0);
    m_shardMb = new QSpinBox(this);
    m_shardMb->setRange(10, 1'000'000);
    m_shardMb->setSingleStep(500);
    m_shardMb->setValue(kDefaultShardMb);
    m_shardMb->setSuffix(tr(" MB"));
    hfOptions->addRow(tr("Largest shard:"), m_shardMb);
    layout->addLayout(hfOptions);

    m_gguf = new QRadioButton(tr("GGUF file, for llama.cpp and other local runners"), this);
    m_gguf->setObjectName(QStringLiteral("exportGguf"));
    layout->addWidget(m_gguf);
    auto *ggufOptions = new QFormLayout;
    ggufOptions->setContentsMargins(24, 0, 0, 0);
    m_ggufType = new QComboBox(this);
    m_ggufType->addItem(tr("F32 (exact, largest)"));
    m_ggufType->addItem(tr("F16 (half the size)"));
    m_ggufType->addItem(tr("Q8_0 (8-bit, about a quarter)"));
    m_ggufType->setCurrentIndex(1);
    ggufOptions->addRow(tr("Weights as:"), m_ggufType);
    layout->addLayout(ggufOptions);
    if (!canExportGguf(model)) {
        m_gguf->setEnabled(false);
        m_gguf->setToolTip(fromGguf ? tr("It is a GGUF file already")
                                    : tr("GGUF export takes Llama, Mistral and Qwen2 models in Hugging Face format"));
    }

    auto *where = new QHBoxLayout;
    where->addWidget(new QLabel(tr("Save as:"), this));
    m_destination = new QLineEdit(this);
    m_destination->setObjectName(QStringLiteral("exportDestination"));
    where->addWidget(m_destination, 1);
    auto *choose = new QPushButton(tr("Choose…"), this);
    where->addWidget(choose);
    layout->addLayout(where);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);

    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("confirmExport"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_huggingFace->setChecked(true);
    connect(m_huggingFace, &QRadioButton::toggled, this, &ExportModelDialog::formatChanged);
    connect(m_ggufType, &QComboBox::currentIndexChanged, this, &ExportModelDialog::suggestDestination);
    connect(m_destination, &QLineEdit::textEdited, this, [this] { m_destinationEdited = true; });
    connect(m_destination, &QLineEdit::textChanged, this, &ExportModelDialog::validate);
    connect(choose, &QPushButton::clicked, this, &ExportModelDialog::chooseDestination);
    formatChanged();
}

ExportRequest ExportModelDialog::request() const
{
    ExportRequest r;
    r.format = m_gguf->isChecked() ? ExportRequest::Format::Gguf : ExportRequest::Format::HuggingFace;
    r.destination = QDir::cleanPath(m_destination->text().trimmed());
    r.maxShardBytes = static_cast<std::uint64_t>(m_shardMb->value()) * kMb;
    r.ggufType = kGgufTypes[std::max(0, m_ggufType->currentIndex())].type;
    return r;
}

void ExportModelDialog::formatChanged()
{
    const bool gguf = m_gguf->isChecked();
    m_shardMb->setEnabled(!gguf);
    m_ggufType->setEnabled(gguf);
    suggestDestination();
}

void ExportModelDialog::suggestDestination()
{
    if (m_destinationEdited)
        return;
    const QString name = QString::fromStdString(m_model.name);
    const QString file = m_gguf->isChecked()
                             ? QStringLiteral("%1-%2.gguf")
                                   .arg(name, QLatin1String(kGgufTypes[std::max(0, m_ggufType->currentIndex())].suffix))
                             : name;
    m_destination->setText(QDir(QDir::homePath()).filePath(file));
}

void ExportModelDialog::validate()
{
    const QString path = m_destination->text().trimmed();
    QString problem;
    if (path.isEmpty())
        problem = tr("Choose where to save the export.");
    else if (QFileInfo::exists(path))
        problem = tr("%1 already exists; choose a new name.").arg(path);
    else if (!QFileInfo(QFileInfo(path).absolutePath()).isDir())
        problem = tr("The folder %1 does not exist.").arg(QFileInfo(path).absolutePath());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_export->setEnabled(problem.isEmpty());
}

void ExportModelDialog::chooseDestination()
{
    // open(), not exec(): no nested event loop in a slot.
    auto *dialog = new QFileDialog(this, tr("Save the export as"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->selectFile(m_destination->text());
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_destinationEdited = true;
        m_destination->setText(file);
    });
    dialog->open();
}

} // namespace llmos
