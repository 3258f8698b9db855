#include "pages/settingspage.h"

#include "languagesetup.h"
#include "runtime/datadirectory.h"
#include "runtime/runtimeinfo.h"
#include "settings/settingsstore.h"
#include "themesetup.h"
#include "widgets/pageheading.h"
#include "widgets/systemsummary.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>

namespace llmos {

namespace {

constexpr int kContentWidth = 760; // wider forms only spread the eye across empty space

// The engine's default when neither LLMOS_HOME nor the setting names a folder:
// $XDG_DATA_HOME/llmos, else ~/.local/share/llmos (see engine runtime/datadirectory).
QString defaultDataFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/llmos");
}

bool sameFolder(const QString &a, const QString &b)
{
    return QDir::cleanPath(a) == QDir::cleanPath(b);
}

// Fields keep their natural width: a spin box or a short list stretched across the page
// reads as a text field.
void keepNaturalWidth(QWidget *field)
{
    field->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    if (auto *combo = qobject_cast<QComboBox *>(field))
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents); // follows retranslation
}

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: palette(mid);"));
    return label;
}

} // namespace

SettingsPage::SettingsPage(WindowServices services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_settings(services.settings.load())
{
    // LLMOS_HOME set by the person (not by the launcher from this setting) wins over it.
    const QString environmentHome = qEnvironmentVariable("LLMOS_HOME");
    m_environmentHome = !environmentHome.isEmpty() && !sameFolder(environmentHome, m_settings.dataFolder)
                            ? environmentHome
                            : QString();

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    content->setMaximumWidth(kContentWidth + 80);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(40, 32, 40, 32);
    layout->setSpacing(16);

    m_heading = new PageHeading(content);
    layout->addWidget(m_heading);

    // Storage
    m_storage = new QGroupBox(content);
    m_storageForm = new QFormLayout(m_storage);
    m_dataFolder = new QLineEdit(m_settings.dataFolder, m_storage);
    m_dataFolder->setObjectName(QStringLiteral("dataFolder"));
    m_dataFolder->setClearButtonEnabled(true);
    m_chooseFolder = new QPushButton(m_storage);
    m_defaultFolder = new QPushButton(m_storage);
    m_defaultFolder->setObjectName(QStringLiteral("useDefaultFolder"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_dataFolder, 1);
    folderRow->addWidget(m_chooseFolder);
    folderRow->addWidget(m_defaultFolder);
    m_dataFolderCaption = new QLabel(m_storage);
    m_storageForm->addRow(m_dataFolderCaption, folderRow);
    m_dataFolderNote = noteLabel(m_storage);
    m_dataFolderNote->setObjectName(QStringLiteral("dataFolderNote"));
    m_storageForm->addRow(QString(), m_dataFolderNote);
    layout->addWidget(m_storage);
    connect(m_dataFolder, &QLineEdit::editingFinished, this,
            [this] { setDataFolder(m_dataFolder->text().trimmed()); });
    connect(m_chooseFolder, &QPushButton::clicked, this, &SettingsPage::chooseDataFolder);
    connect(m_defaultFolder, &QPushButton::clicked, this, [this] { setDataFolder(QString()); });

    // Compute
    m_compute = new QGroupBox(content);
    m_computeForm = new QFormLayout(m_compute);
    const int cores = QThread::idealThreadCount();
    m_threads = new QSpinBox(m_compute);
    m_threads->setObjectName(QStringLiteral("threads"));
    m_threads->setRange(1, cores);
    m_threads->setValue(m_settings.threads > 0 ? m_settings.threads : cores);
    keepNaturalWidth(m_threads);
    m_computeForm->addRow(new QLabel(m_compute), m_threads);
    m_device = new QComboBox(m_compute);
    m_device->setObjectName(QStringLiteral("device"));
    // CUDA joins the list once the engine has said whether this build and machine have it.
    m_device->addItem(QString(), SettingsStore::deviceName(ComputeDevice::Auto));
    m_device->addItem(QString(), SettingsStore::deviceName(ComputeDevice::Cpu));
    m_device->setEnabled(false);
    keepNaturalWidth(m_device);
    m_computeForm->addRow(new QLabel(m_compute), m_device);
    m_deviceNote = noteLabel(m_compute);
    m_computeForm->addRow(QString(), m_deviceNote);
    layout->addWidget(m_compute);
    connect(m_threads, &QSpinBox::valueChanged, this, [this, cores](int threads) {
        // All cores is saved as 0, "all of them", so the setting follows the machine.
        m_settings.threads = threads == cores ? 0 : threads;
        configureTorchThreads(m_settings.threads);
        m_system->setThreads(threads);
        save();
    });
    connect(m_device, &QComboBox::activated, this, [this] {
        m_settings.device = SettingsStore::deviceFromName(m_device->currentData().toString());
        save();
        retranslate();
    });

    // Appearance
    m_appearance = new QGroupBox(content);
    m_appearanceForm = new QFormLayout(m_appearance);
    m_language = new QComboBox(m_appearance);
    m_language->setObjectName(QStringLiteral("language"));
    // Each language in its own words: someone who cannot read the current one finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(services.language.current())));
    keepNaturalWidth(m_language);
    m_appearanceForm->addRow(new QLabel(m_appearance), m_language);
    m_theme = new QComboBox(m_appearance);
    m_theme->setObjectName(QStringLiteral("theme"));
    for (ColorTheme theme : {ColorTheme::System, ColorTheme::Light, ColorTheme::Dark})
        m_theme->addItem(QString(), SettingsStore::themeName(theme));
    m_theme->setCurrentIndex(m_theme->findData(SettingsStore::themeName(services.theme.current())));
    keepNaturalWidth(m_theme);
    m_appearanceForm->addRow(new QLabel(m_appearance), m_theme);
    layout->addWidget(m_appearance);
    connect(m_language, &QComboBox::activated, this, [this] {
        const QString code = m_language->currentData().toString();
        if (!m_services.language.apply(code))
            return;
        m_settings.language = code;
        save();
    });
    connect(m_theme, &QComboBox::activated, this, [this] {
        m_settings.theme = SettingsStore::themeFromName(m_theme->currentData().toString());
        m_services.theme.apply(m_settings.theme);
        save();
    });

    m_system = new SystemSummary(content);
    layout->addWidget(m_system);
    layout->addStretch(1);
    connect(m_system, &SystemSummary::loaded, this, &SettingsPage::offerDevices);

    retranslate();
}

bool SettingsPage::isLoading() const
{
    return m_system->isLoading();
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SettingsPage::save()
{
    m_services.settings.save(m_settings);
}

void SettingsPage::chooseDataFolder()
{
    // open(), not exec(): a nested event loop in a slot is how windows freeze.
    auto *dialog = new QFileDialog(this, tr("Choose the data folder"), m_dataFolder->text());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, &SettingsPage::setDataFolder);
    dialog->open();
}

void SettingsPage::setDataFolder(const QString &folder)
{
    m_dataFolder->setText(folder);
    if (!folder.isEmpty() && QDir::isRelativePath(folder)) {
        m_dataFolderNote->setText(tr("Enter a full path, such as %1.").arg(defaultDataFolder()));
        return;
    }
    const QString cleaned = folder.isEmpty() ? QString() : QDir::cleanPath(folder);
    if (cleaned != m_settings.dataFolder) {
        m_settings.dataFolder = cleaned;
        save();
    }
    showDataFolderNote();
}

void SettingsPage::offerDevices()
{
    const RuntimeInfo &info = m_system->runtimeInfo();
    if (!info.cudaDevices.empty() && m_device->findData(SettingsStore::deviceName(ComputeDevice::Cuda)) < 0)
        m_device->addItem(QString(), SettingsStore::deviceName(ComputeDevice::Cuda));
    m_device->setEnabled(true);
    selectDevice();
    retranslate();
}

void SettingsPage::selectDevice()
{
    const int saved = m_device->findData(SettingsStore::deviceName(m_settings.device));
    m_device->setCurrentIndex(saved >= 0 ? saved : 0); // CUDA saved but absent here: show Auto
}

void SettingsPage::showDataFolderNote()
{
    const QString inUse = QString::fromStdString(dataDirectory());
    const QString chosen = m_settings.dataFolder.isEmpty() ? defaultDataFolder() : m_settings.dataFolder;
    // Whole sentences per case, so each language joins them its own way.
    QString note;
    if (!m_environmentHome.isEmpty())
        note = tr("Models, runs and datasets are kept here. The environment variable LLMOS_HOME (%1) is set "
                  "and wins over this setting.")
                   .arg(m_environmentHome);
    else if (!sameFolder(chosen, inUse))
        note = tr("Models, runs and datasets are kept here. The new folder is used after the workbench restarts; "
                  "until then %1 stays in use. Nothing is moved from it.")
                   .arg(inUse);
    else
        note = tr("Models, runs and datasets are kept here. A change takes effect after the workbench restarts.");
    m_dataFolderNote->setText(note);
}

void SettingsPage::retranslate()
{
    QList<QLabel *> captions{m_dataFolderCaption};
    auto setRowLabel = [&captions](QFormLayout *form, QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(field))) {
            label->setText(text);
            captions << label;
        }
    };
    m_heading->setText(tr("Settings"));

    m_storage->setTitle(tr("Storage"));
    m_dataFolderCaption->setText(tr("Data folder"));
    m_dataFolder->setPlaceholderText(tr("Default: %1").arg(defaultDataFolder()));
    m_chooseFolder->setText(tr("Choose…"));
    m_defaultFolder->setText(tr("Use default"));
    showDataFolderNote();

    m_compute->setTitle(tr("Compute"));
    setRowLabel(m_computeForm, m_threads, tr("Threads"));
    m_threads->setSuffix(tr(" of %1 cores").arg(QThread::idealThreadCount()));
    m_threads->setToolTip(tr("How many CPU threads model code uses. Applies at once."));
    setRowLabel(m_computeForm, m_device, tr("Device"));
    m_device->setItemText(0, tr("Auto: a CUDA GPU when there is one, else the CPU"));
    m_device->setItemText(1, tr("CPU"));
    if (m_device->count() > 2)
        m_device->setItemText(2, tr("CUDA GPU"));
    if (m_system->isLoading())
        m_deviceNote->setText(tr("Checking which devices this machine has…"));
    else if (m_settings.device == ComputeDevice::Cuda && m_device->count() <= 2)
        m_deviceNote->setText(tr("CUDA was chosen, but this build or machine has no CUDA GPU, so models run "
                                 "on the CPU."));
    else if (m_device->count() <= 2)
        m_deviceNote->setText(tr("This build or machine has no CUDA GPU, so models run on the CPU."));
    else
        m_deviceNote->setText(tr("Used by models loaded from now on."));

    m_appearance->setTitle(tr("Appearance"));
    setRowLabel(m_appearanceForm, m_language, tr("Language"));
    setRowLabel(m_appearanceForm, m_theme, tr("Theme"));
    m_theme->setItemText(0, tr("Same as the system"));
    m_theme->setItemText(1, tr("Light"));
    m_theme->setItemText(2, tr("Dark"));

    // The three groups' fields line up as if they were one form.
    int captionWidth = 0;
    for (QLabel *caption : captions)
        captionWidth = std::max(captionWidth, caption->sizeHint().width());
    for (QLabel *caption : captions)
        caption->setMinimumWidth(captionWidth);
}

} // namespace llmos
