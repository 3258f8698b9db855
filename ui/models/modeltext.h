#pragma once

#include "models/modeltask.h"
#include "registry/lineageedge.h"
#include "registry/modelrecord.h"
#include "services/demobuilder.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace llmos {

// How the browser writes a model's facts for people: parameter counts as 124M or 1.1B,
// sizes in KiB/MiB/GiB, dates, and the registry's enums in the interface language.
class ModelText {
    Q_DECLARE_TR_FUNCTIONS(llmos::ModelText)
public:
    static QString parameters(std::uint64_t count);
    // `part` as a percentage of `whole`, without the sign: "0.97", "12.5", "100". Two
    // significant digits below 10, so the fraction of a percent an adapter trains shows.
    static QString percent(std::int64_t part, std::int64_t whole);
    static QString size(std::uint64_t bytes);
    static QString contextLength(std::uint64_t tokens);
    static QString date(std::int64_t unixSeconds);
    static QString origin(ModelOrigin origin);
    static QString format(ModelFormat format);
    static QString status(ModelStatus status);
    static QString task(ModelTask task);
    static QString lineageKind(LineageKind kind);
    // What the demo is doing, for its progress line (the window's and `llmos demo`'s).
    static QString demoStage(DemoStage stage);
    // "—" for a fact the registry does not know.
    static QString orUnknown(const std::string &text);
    static QStringList tags(const std::vector<std::string> &tags);
};

} // namespace llmos
