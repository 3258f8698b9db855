#pragma once

#include "datasets/datasetreport.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>
#include <string>

namespace llmos {

// A dataset report in plain words, a sentence a line, for people who have not trained a
// model before: how many rows will be used, what is wrong with the others and where, what
// will be cut, and the labels. `rejected`: the engine's reason when the file cannot be used.
class DatasetReportText {
    Q_DECLARE_TR_FUNCTIONS(llmos::DatasetReportText)
public:
    static QStringList describe(const DatasetReport &report, const std::optional<std::string> &rejected);
};

} // namespace llmos
