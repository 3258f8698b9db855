#pragma once

#include <QString>

namespace llmos {

// Where model code runs. Auto picks CUDA when this build has it and a GPU is present.
enum class ComputeDevice { Auto, Cpu, Cuda };

// How the window looks. System follows the desktop; Light and Dark use Qt's Fusion
// style with a fixed palette, so they look the same on every desktop.
enum class ColorTheme { System, Light, Dark };

// What a person chooses in Settings. A plain value: SettingsStore reads and writes it,
// and the command line can read the same keys without any widget.
struct WorkbenchSettings {
    QString dataFolder;       // empty: the default ($LLMOS_HOME, else the XDG data dir)
    int threads = 0;          // compute threads; 0 or less: one per hardware thread
    ComputeDevice device = ComputeDevice::Auto;
    QString language;         // "en", "zh_CN"; empty: the system's language
    ColorTheme theme = ColorTheme::System;

    bool operator==(const WorkbenchSettings &) const = default;
};

} // namespace llmos
