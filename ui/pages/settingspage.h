#pragma once

#include "settings/workbenchsettings.h"
#include "windowservices.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace llmos {

class SystemSummary;

// Settings: data folder, compute threads and device, language and theme, next to what
// the machine offers. Every change is saved at once; language, theme and threads also
// apply at once, the data folder after a restart (the registry is open meanwhile).
class SettingsPage : public QWidget {
    Q_OBJECT
    Q_PROPERTY(bool loading READ isLoading)
public:
    explicit SettingsPage(WindowServices services, QWidget *parent = nullptr);

    bool isLoading() const;
    WorkbenchSettings settings() const { return m_settings; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void save();
    void chooseDataFolder();
    void setDataFolder(const QString &folder);
    void offerDevices();
    void selectDevice();
    void showDataFolderNote();

    WindowServices m_services;
    WorkbenchSettings m_settings;
    QLabel *m_heading = nullptr;
    QGroupBox *m_storage = nullptr;
    QGroupBox *m_compute = nullptr;
    QGroupBox *m_appearance = nullptr;
    QFormLayout *m_storageForm = nullptr;
    QFormLayout *m_computeForm = nullptr;
    QFormLayout *m_appearanceForm = nullptr;
    QString m_environmentHome; // LLMOS_HOME as the person set it, empty when unset or ours
    QLabel *m_dataFolderCaption = nullptr;
    QLineEdit *m_dataFolder = nullptr;
    QPushButton *m_chooseFolder = nullptr;
    QPushButton *m_defaultFolder = nullptr;
    QLabel *m_dataFolderNote = nullptr;
    QSpinBox *m_threads = nullptr;
    QComboBox *m_device = nullptr;
    QLabel *m_deviceNote = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr;
    SystemSummary *m_system = nullptr;
};

} // namespace llmos
